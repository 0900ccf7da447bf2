import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { gedColumn, gedRows } from "../support/bundled-ged.ts";
import { cliOn } from "../support/cli.ts";
import { tempDir } from "../support/temp-dir.ts";

/** The data commands on their own embedded data directory, as an operator would run them. */
const dir = tempDir("data-cli");
const dataDir = join(dir, "db");
const cli = cliOn(dataDir);

const ISO: Record<string, string> = { "70": "MEX", "775": "MMR", "482": "CAF", "652": "SYR" };

describe("continuum data commands", () => {
  it("says to run `continuum init` on an empty database (exit 6), except for help", () => {
    for (const args of [
      ["data", "status"],
      [
        "export",
        "event-months",
        "--level",
        "country",
        "--from",
        "2019-01",
        "--to",
        "2019-12",
        "--out",
        join(dir, "x.csv"),
      ],
      ["import", "ged", join(dir, "missing.csv")],
    ]) {
      const result = cli(...args);
      expect(result.status, args.join(" ")).toBe(6);
      expect(result.stderr).toMatch(/run `continuum init`/);
    }
    for (const args of [["import"], ["export", "event-months"], ["data", "status"]]) {
      const help = cli(...args, "--help");
      expect(help.status, args.join(" ")).toBe(0);
      expect(help.stdout).toMatch(/Usage: continuum/);
    }
  });

  it("initialises once, importing the bundled data with progress", () => {
    const first = cli("init");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Imported the bundled conflict data .*ucdp-ged 28987 rows/);
    expect(first.stderr).toMatch(/Importing bundled conflict data: 100%/);
    const again = cli("init");
    expect(again.stdout).toMatch(/already initialised/);
    expect(again.stderr).not.toMatch(/Importing/);
  });

  it("writes the event-months contract: country and grid level, month of date_start, best summed", () => {
    const out = join(dir, "cm.csv");
    const result = cli(
      "export",
      "event-months",
      "--level",
      "country",
      "--from",
      "2018-01",
      "--to",
      "2019-12",
      "--out",
      out,
    );
    expect(result.status).toBe(0);
    const rows = Papa.parse<string[]>(readFileSync(out, "utf8").trim()).data;
    expect(rows[0]).toEqual(["iso3", "month", "sb_best", "ns_best", "os_best"]);
    const expected = new Map<string, number[]>();
    for (const row of gedRows.slice(1)) {
      const month = (row[gedColumn("date_start")] ?? "").slice(0, 7);
      if (month < "2018-01") continue;
      const key = `${ISO[row[gedColumn("country_id")] ?? ""]},${month}`;
      const sums = expected.get(key) ?? [0, 0, 0];
      const type = Number(row[gedColumn("type_of_violence")]) - 1;
      sums[type] = (sums[type] ?? 0) + Number(row[gedColumn("best")]);
      expected.set(key, sums);
    }
    // Three countries cover every month of 2018–2019; the Syria release ends in 2019-11.
    expect(rows.length - 1).toBe(3 * 24 + 23);
    for (const [iso3, month, sb, ns, os] of rows.slice(1))
      expect([Number(sb), Number(ns), Number(os)], `${iso3} ${month}`).toEqual(
        expected.get(`${iso3},${month}`) ?? [0, 0, 0],
      );

    const grid = join(dir, "pgm.csv");
    expect(
      cli("export", "event-months", "--level", "grid", "--from", "2019-01", "--to", "2019-01", "--out", grid)
        .status,
    ).toBe(0);
    const gridRows = Papa.parse<string[]>(readFileSync(grid, "utf8").trim()).data;
    expect(gridRows[0]).toEqual(["priogrid_gid", "month", "sb_best", "ns_best", "os_best"]);
    const total = gridRows.slice(1).reduce((sum, r) => sum + Number(r[2]) + Number(r[3]) + Number(r[4]), 0);
    const fileTotal = [...expected.entries()]
      .filter(([key]) => key.endsWith(",2019-01"))
      .reduce((sum, [, s]) => sum + (s[0] ?? 0) + (s[1] ?? 0) + (s[2] ?? 0), 0);
    expect(total).toBe(fileTotal);
    // Zeros only where the data speak: the Syria release starts in 2016, so an Aleppo cell does too.
    expect(
      cli("export", "event-months", "--level", "grid", "--from", "1989-01", "--to", "2019-12", "--out", grid)
        .status,
    ).toBe(0);
    const aleppo = readFileSync(grid, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("182597,"));
    expect(aleppo[0]).toMatch(/^182597,2016-01,/);

    const wrong = cli(
      "export",
      "event-months",
      "--level",
      "region",
      "--from",
      "2019-13",
      "--to",
      "2019-01",
      "--out",
      grid,
    );
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/level: must be country or grid/);
    expect(wrong.stderr).toMatch(/from: a month as YYYY-MM/);
    // A misspelt or non-event dataset is refused, not written as a header-only file.
    const unknown = cli(
      "export",
      "event-months",
      ...["--level", "country", "--from", "2019-01", "--to", "2019-01", "--out", grid],
      ...["--dataset", "nope,views-cm"],
    );
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no dataset nope/);
    expect(unknown.stderr).toMatch(/views-cm holds views-cm rows, not events/);
  });

  it("refuses a bad file with exit 2, listing file, line, column, value and reason, and the total", () => {
    expect(cli("import", "ged", join(dir, "no-such-file.csv")).status).toBe(3);
    const rows = gedRows.slice(0, 151).map((r) => [...r]);
    for (let line = 2; line <= 151; line += 1) {
      const row = rows[line - 1];
      if (row) row[gedColumn("best")] = "-1";
    }
    const file = join(dir, "ged-bad.csv");
    writeFileSync(file, Papa.unparse(rows));
    const result = cli("import", "ged", file, "--dataset-id", "ged-bad");
    expect(result.status).toBe(2);
    const listed = result.stderr.split("\n").filter((l) => l.startsWith("ged-bad.csv\t"));
    expect(listed.length).toBe(100);
    expect(listed[0]).toBe(
      "ged-bad.csv\t2\tbest\t-1\tnegative value (fatalities and counts cannot be below zero)",
    );
    expect(result.stderr).toMatch(/150 problems in total \(the first 100 are listed\); nothing was imported/);
    const scripted = cli("--json", "import", "ged", file, "--dataset-id", "ged-bad");
    expect([scripted.status, scripted.stdout]).toEqual([2, ""]);
    expect(JSON.parse(scripted.stderr.slice(scripted.stderr.indexOf("{")))).toMatchObject({
      ok: false,
      status: "rejected",
      errorCount: 150,
    });
    const status = JSON.parse(cli("--json", "data", "status").stdout) as { datasets: { id: string }[] };
    expect(status.datasets.map((d) => d.id)).not.toContain("ged-bad");
  });

  it("imports a good file, then reports the same file again as unchanged; status lists it", () => {
    const file = join(dir, "ged-small.csv");
    writeFileSync(file, Papa.unparse(gedRows.slice(0, 21)));
    const first = cli("--json", "import", "ged", file, "--dataset-id", "ged-small", "--licence", "CC BY 4.0");
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, status: "created", rowCount: 20 });
    const again = cli("import", "ged", file, "--dataset-id", "ged-small", "--forecast");
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/already imported .* nothing changed/);
    expect(again.stderr).toMatch(/^No forecast run: the import changed nothing the forecast reads/m);
    const scripted = cli(
      "import",
      "ged",
      file,
      "--dataset-id",
      "ged-small",
      "--licence-url",
      "javascript:alert(1)",
    );
    expect([scripted.status, scripted.stderr]).toEqual([
      2,
      expect.stringMatching(/--licence-url must be an http\(s\) address/),
    ]);
    const status = cli("data", "status");
    expect(status.stdout).toMatch(/ged-small\s+ged\s+\S+.*\s20\s/);
    expect(status.stdout).toMatch(/ucdp-ged\s+ged/);
  });

  it("lists, acting as someone, only the datasets that person reads", () => {
    for (const slug of ["ngo-a", "ngo-b"])
      expect(cli("org", "add", slug, slug, "--kind", "civil_society").status).toBe(0);
    const add = (email: string, org: string, role: string) =>
      expect(
        cli("user", "add", email, "--org", org, "--role", role, "--password", "twelve chars min").status,
      ).toBe(0);
    add("analyst@ngo-a.test", "ngo-a", "analyst");
    add("viewer@ngo-b.test", "ngo-b", "viewer");
    const file = join(dir, "ngo-a-events.csv");
    writeFileSync(file, Papa.unparse(gedRows.slice(0, 4)));
    expect(
      cli("--as", "analyst@ngo-a.test", "import", "ged", file, "--dataset-id", "ngo-a-events").status,
    ).toBe(0);
    const ids = (...as: string[]) =>
      (
        JSON.parse(cli(...as, "--json", "data", "status").stdout) as { datasets: { id: string }[] }
      ).datasets.map((d) => d.id);
    expect(ids("--as", "analyst@ngo-a.test")).toContain("ngo-a-events");
    expect(ids("--as", "viewer@ngo-b.test")).not.toContain("ngo-a-events");
    expect(ids("--as", "viewer@ngo-b.test")).toContain("ucdp-ged");
  });
});
