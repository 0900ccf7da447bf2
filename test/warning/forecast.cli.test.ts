import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/engine.ts";
import { cliOn, SLOW_CLI_MS } from "../support/cli.ts";
import { createCliDataDir } from "../support/cli-data-dir.ts";
import { tempDir } from "../support/temp-dir.ts";

/**
 * `continuum forecast` on the bundled data, through the real database path: an embedded data directory
 * copied from the bundled-data template, the real CLI in a child process, the real model.
 */
const dir = tempDir("forecast");
const dataDir = join(dir, "db");
const cli = cliOn(dataDir);
const slowCli = cliOn(dataDir, {}, SLOW_CLI_MS);
const header = "iso3,month,horizon,p_gt0,p_ge25,mean,q10,q50,q90";

const withDataDir = async <T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) => {
  const handle = await openDatabase({ dataDir });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
};

const parse = (csv: string) =>
  csv
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));

beforeAll(
  () => createCliDataDir(dataDir, { email: "chief@example.org", password: "a long admin passphrase" }),
  180_000,
);

describe("continuum forecast", () => {
  it("writes one row per country present at the origin and per horizon, with the exact header, and stores the run", async () => {
    const out = join(dir, "2019-12.csv");
    const result = slowCli("forecast", "--origin", "2019-12", "--horizon", "12", "--out", out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/\[1\/14\] training and forecasting \d+ countries × 12 months \(month 1\)/);
    expect(result.stderr).toMatch(/\[12\/14\] training and forecasting .* \(month 12\)\n/);
    expect(result.stderr).toMatch(/\[13\/14\] storing/);
    const csv = readFileSync(out, "utf8");
    expect(csv.split("\n")[0]).toBe(header);
    const rows = parse(csv);
    const present = await withDataDir(async (h) =>
      (
        await sql<{ iso3: string }>`
          SELECT DISTINCT iso3 FROM country_month WHERE series = 'views' AND month = '2019-12-01'`.execute(
          h.db,
        )
      ).rows.map((r) => r.iso3),
    );
    const countries = new Set(rows.map((r) => r[0]));
    expect(countries.size).toBe(present.length);
    expect([...countries].sort()).toEqual([...present].sort());
    expect(rows.length).toBe(present.length * 12);
    for (const iso3 of ["SYR", "AFG", "NOR"]) {
      const months = rows.filter((r) => r[0] === iso3).map((r) => `${r[1]}:${r[2]}`);
      expect(months).toEqual(
        Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, "0")}:${i + 1}`),
      );
    }
    for (const [, , , pGt0, pGe25, mean, q10, q50, q90] of rows) {
      expect(Number(pGe25)).toBeLessThanOrEqual(Number(pGt0));
      expect(Number(q10)).toBeLessThanOrEqual(Number(q50));
      expect(Number(q50)).toBeLessThanOrEqual(Number(q90));
      expect(Number(mean)).toBeGreaterThanOrEqual(0);
    }
    // The real model tells a war from a calm country.
    const p = (iso3: string) => Number(rows.find((r) => r[0] === iso3 && r[2] === "1")?.[3]);
    expect(p("AFG")).toBeGreaterThan(0.9);
    expect(p("NOR")).toBeLessThan(0.05);

    const runs = JSON.parse(cli("--json", "forecast-runs").stdout) as {
      origin: string;
      status: string;
      forecastCount: number;
      datasetVersions: { id: string }[];
    }[];
    expect(runs[0]).toMatchObject({ origin: "2019-12", status: "succeeded", forecastCount: rows.length });
    expect(runs[0]?.datasetVersions.map((d) => d.id)).toContain("views-cm");
    // The watchlist ranks the run's countries; with no run before it, no change is claimed.
    const watchlist = cli("watchlist", "--measure", "pGe25", "--horizon", "1");
    expect(watchlist.stdout).toMatch(/^rank\s+iso3\s+country\s+month\s+pGe25\s+change_points\s+drivers/m);
    expect(watchlist.stderr).toMatch(
      /change since —: no published run from the three months before the origin/,
    );
    expect(cli("watchlist", "--origin", "2019-12").stderr).toMatch(
      /^Run \S+ from 2019-12, 1 month\(s\) ahead/,
    );
    const none = cli("watchlist", "--origin", "2018-12");
    expect([none.status, none.stderr]).toEqual([
      3,
      expect.stringMatching(/No forecast from 2018-12 is published: run a forecast from that origin first/),
    ]);
  }, 660_000);

  it("does not change when data dated after the origin changes (no leakage through the database path)", async () => {
    const args = ["forecast", "--origin", "2015-12", "--horizon", "3", "--rounds", "15"];
    const before = cli(...args, "--out", join(dir, "before.csv"));
    expect(before.status, before.stderr).toBe(0);
    await withDataDir(async (h) => {
      // Rewrite history after the origin: a war everywhere, a country removed, indicators inflated.
      await sql`UPDATE country_month SET sb_best = 5000 WHERE month > '2015-12-01'`.execute(h.db);
      await sql`DELETE FROM country_month WHERE iso3 = 'SYR' AND month > '2015-12-01'`.execute(h.db);
      await sql`UPDATE indicator_values SET value = value * 7 + 3 WHERE year >= 2016`.execute(h.db);
    });
    const after = cli(...args, "--out", join(dir, "after.csv"));
    expect(after.status, after.stderr).toBe(0);
    const a = readFileSync(join(dir, "before.csv"), "utf8");
    expect(parse(a).length).toBeGreaterThan(150 * 3);
    expect(readFileSync(join(dir, "after.csv"), "utf8")).toBe(a);

    // Changing data at the origin itself does change the forecast: the test can fail.
    await withDataDir(async (h) => {
      await sql`UPDATE country_month SET sb_best = 3000 WHERE iso3 = 'NOR' AND month = '2015-12-01'`.execute(
        h.db,
      );
    });
    const changed = cli(...args, "--out", join(dir, "changed.csv"));
    expect(changed.status, changed.stderr).toBe(0);
    const norway = (csv: string) => parse(csv).find((r) => r[0] === "NOR" && r[2] === "1")?.[3];
    expect(Number(norway(readFileSync(join(dir, "changed.csv"), "utf8")))).toBeGreaterThan(Number(norway(a)));
  }, 300_000);

  it("prints the backtest's scores with which way each is better and what they mean", () => {
    const result = cli("backtest", "--origins", "2016-12", "--horizon", "2", "--rounds", "15");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^score +better +xgboost_hurdle +base_rate/m);
    // The file's earlier tests import data of their own, so the figures are not the bundled data's: only the layout is.
    expect(result.stdout).toMatch(/^ROC AUC ≥1 +higher +\S/m);
    expect(result.stdout).toMatch(/^Brier ≥25 +lower +\d/m);
    expect(result.stdout).toMatch(/^mean pred\/obs +near 1 /m);
    expect(result.stdout).toMatch(/^ {2}h = 2 +lower +/m);
    expect(result.stdout).toMatch(/What the scores mean\n {2}ROC AUC /);
  }, 300_000);

  it("refuses an origin without data (exit 2) and prints help", () => {
    const result = cli("forecast", "--origin", "2031-01", "--horizon", "3");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no conflict data for the origin/);
    expect(cli("forecast", "--help").stdout).toMatch(/--origin/);
  });

  it("names the option a user typed, not the field it fills", () => {
    const tooFar = cli("forecast", "--horizon", "99");
    expect(tooFar.status).toBe(2);
    expect(tooFar.stderr).toMatch(/^ {2}--horizon: /m);
    expect(tooFar.stderr).not.toMatch(/maxHorizon/);
    expect(cli("backtest", "--origins", "2014-12,2015-13").stderr).toMatch(/--origins \(item 2\): /);
    expect(cli("backtest", "--origins", "2014-12,2014-12").stderr).toMatch(
      /--origins: each origin only once/,
    );
  });
});
