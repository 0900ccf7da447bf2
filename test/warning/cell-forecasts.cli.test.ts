import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/engine.ts";
import { cliOn, SLOW_CLI_MS } from "../support/cli.ts";
import { createCliDataDir } from "../support/cli-data-dir.ts";
import { tempDir } from "../support/temp-dir.ts";

/** `continuum forecast-cells` on the bundled GED events, through the real CLI, database and model. */
const dir = tempDir("forecast-cells");
const dataDir = join(dir, "db");
const cli = cliOn(dataDir, {}, SLOW_CLI_MS);

beforeAll(
  () => createCliDataDir(dataDir, { email: "chief@example.org", password: "a long admin passphrase" }),
  180_000,
);

describe("continuum forecast-cells", () => {
  it("writes one row per cell and horizon, shows its progress and stores the run", async () => {
    const out = join(dir, "syr.csv");
    const result = cli(
      "forecast-cells",
      "--iso3",
      "syr",
      "--origin",
      "2018-12",
      "--horizon",
      "3",
      "--out",
      out,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/forecast-cells \[1\/3\] panel: \d+ cells, 36 months/);
    expect(result.stderr).toMatch(/forecast-cells \[3\/3\] forecast: \d+ cell-months/);
    const [header, ...lines] = readFileSync(out, "utf8").trim().split("\n");
    expect(header).toBe("iso3,priogrid_gid,lat,lon,month,horizon,p_gt0");
    const rows = lines.map((line) => line.split(","));
    const cells = new Set(rows.map((r) => r[1]));
    expect(rows).toHaveLength(cells.size * 3);
    expect(new Set(rows.map((r) => `${r[4]} ${r[5]}`))).toEqual(
      new Set(["2019-01 1", "2019-02 2", "2019-03 3"]),
    );
    for (const r of rows) {
      expect(r[0]).toBe("SYR");
      expect(Number(r[6])).toBeGreaterThanOrEqual(0);
      expect(Number(r[6])).toBeLessThanOrEqual(1);
    }
    const handle = await openDatabase({ dataDir });
    try {
      const stored = await sql<{ n: number; iso3: string }>`
        SELECT r.iso3, count(*)::int AS n FROM cell_forecast_runs r JOIN cell_forecasts f ON f.run_id = r.id
        GROUP BY r.iso3`.execute(handle.db);
      expect(stored.rows).toEqual([{ iso3: "SYR", n: rows.length }]);
    } finally {
      await handle.close();
    }
  }, 300_000);

  it("refuses a country without events and an origin after the last event, naming the option", () => {
    const none = cli("forecast-cells", "--iso3", "FRA");
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--iso3: cell forecasts cover only countries with imported GED events/);
    const late = cli("forecast-cells", "--iso3", "SYR", "--origin", "2021-01");
    expect(late.status).toBe(2);
    expect(late.stderr).toMatch(/--origin: must be 2019-12 or earlier/);
    const early = cli("forecast-cells", "--iso3", "SYR", "--origin", "2015-12");
    expect(early.stderr).toMatch(/--origin: no events at or before 2015-12/);
  });

  it("backtests the cell forecast beside the baselines, saying which origins it skipped", () => {
    const result = cli("backtest-cells", "--iso3", "SYR", "--origins", "2015-12,2018-12");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/backtest-cells \[2\/2\] scored/);
    expect(result.stdout).toMatch(/SYR 2015-12: skipped \(no events at or before 2015-12\)/);
    expect(result.stdout).toMatch(/SYR 2018-12: \d+ cell-months scored/);
    for (const method of ["model", "last12Share", "noChange", "baseRate"])
      expect(result.stdout).toMatch(new RegExp(`^${method} +0\\.\\d{3} +0\\.\\d{3} +0\\.\\d{3}$`, "m"));
  }, 120_000);
});
