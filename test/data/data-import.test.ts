import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { sql } from "kysely";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { eventMonthsFile } from "../../src/http/presenters/data-tables.presenter.ts";
import { BUNDLED_DATA_DIR, readBundledCatalogue } from "../../src/repositories/data/bundled-catalogue.ts";
import { dataTableCounts } from "../../src/repositories/data/datasets.repository.ts";
import { type DataContext, systemDataContext } from "../../src/services/data/data-context.ts";
import { dataStatus } from "../../src/services/data/data-status.ts";
import { exportEventMonths } from "../../src/services/data/export-event-months.ts";
import { importDataset } from "../../src/services/data/import-dataset.ts";
import { initialiseBundledData } from "../../src/services/data/initialise-bundled-data.ts";
import { countryMonthSeries, getCountry, listEvents } from "../../src/services/data/query-data.ts";
import { GED_FILE, gedColumn, gedHeader, gedRows } from "../support/bundled-ged.ts";
import { createTestDatabase } from "../support/database.ts";
import { contextFor } from "../support/factories.ts";
import { tempDir } from "../support/temp-dir.ts";

const setCell = (name: string, value: string) => (row: string[]) =>
  row.map((cell, i) => (i === gedColumn(name) ? value : cell));

let handle: DatabaseHandle;
/** A viewer of some organisation: reads the shared datasets as everyone does. */
const reader = () =>
  contextFor(handle.db, {
    userId: "00000000-0000-4000-8000-000000000001",
    email: "reader@example.org",
    orgId: "00000000-0000-4000-8000-000000000002",
    role: "viewer",
    clearance: "public",
    platformAdmin: false,
  });
let ctx: DataContext;
const dir = tempDir("data");

/**
 * "Exactly as before": the row count and an order-free checksum of every row of every data table (and of
 * the record of which dataset replaced which).
 */
const snapshot = async () => {
  const tables = Object.keys(await dataTableCounts(handle.db));
  const sums = await Promise.all(
    tables.map(async (table) => {
      const { rows } = await sql<{ n: number; sum: string }>`
        SELECT count(*)::int AS n, coalesce(sum(hashtext(t::text)::bigint), 0)::text AS sum
        FROM ${sql.table(table)} t`.execute(handle.db);
      return [table, rows[0]] as const;
    }),
  );
  return Object.fromEntries(sums);
};

/** Writes a GED file made of the header and the first `n` rows, with `edit` applied to row `at` (1-based). */
const gedFile = (name: string, n: number, edit?: (row: string[]) => string[], at = 2, gzip = false) => {
  const rows = gedRows.slice(0, n + 1).map((r) => [...r]);
  if (edit) rows[at] = edit(rows[at] ?? []);
  const text = Papa.unparse(rows);
  const path = join(dir, name);
  writeFileSync(path, gzip ? gzipSync(text) : text);
  return path;
};

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = systemDataContext(handle);
  const result = await initialiseBundledData(ctx);
  expect(result.status).toBe("initialised");
});

afterAll(async () => {
  await handle?.close();
});

describe("bundled data on first start", () => {
  it("runs once", async () => {
    expect((await initialiseBundledData(ctx)).status).toBe("already_initialised");
    const status = await dataStatus(handle.db);
    const ids = status.datasets.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "views-cm",
        "ucdp-ged",
        "ucdp-acd",
        "ucdp-peace-agreements",
        "poldat-static-world",
        "wdi-population",
        "gw-registry",
      ]),
    );
    for (const d of status.datasets) expect(d.licence).not.toBe("");
    expect(status.tables.events).toBe(gedRows.length - 1);
    expect(status.tables.country_month).toBeGreaterThan(67_440);
    expect(status.tables.peace_agreements).toBe(364);
  });

  it("imports on the next start what a start stopped before", async () => {
    // As a first start killed during its last dataset leaves it.
    await sql`DELETE FROM indicator_values WHERE dataset_id = 'wdi-homicide'`.execute(handle.db);
    await sql`DELETE FROM indicator_definitions WHERE dataset_id = 'wdi-homicide'`.execute(handle.db);
    await sql`DELETE FROM datasets WHERE id = 'wdi-homicide'`.execute(handle.db);
    const again = await initialiseBundledData(ctx);
    expect([again.status, again.reports.map((r) => r.datasetId)]).toEqual(["initialised", ["wdi-homicide"]]);
    expect((await initialiseBundledData(ctx)).status).toBe("already_initialised");
  });

  it("loads the peace agreements with their GW codes as written, ISO3 codes, dates and types", async () => {
    const dataset = (await dataStatus(handle.db)).datasets.find((d) => d.id === "ucdp-peace-agreements");
    expect(dataset).toMatchObject({
      kind: "peace-agreements",
      version: "22.1",
      rowCount: 364,
      spanStart: "1975-03-06",
      spanEnd: "2019-12-28",
    });
    const row = await handle.db
      .selectFrom("peace_agreements")
      .select(["gwno", "iso3", "pa_date", "pa_type", "conflict_id"])
      .where("dataset_id", "=", "ucdp-peace-agreements")
      .where("paid", "=", 1333)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      gwno: "471, 475",
      iso3: "CMR,NGA",
      pa_date: "2006-06-12",
      pa_type: 1,
      conflict_id: 405,
    });
  });

  it("GED country-month totals equal an independent aggregation of the file", async () => {
    const iso = { "70": "MEX", "775": "MMR", "482": "CAF", "652": "SYR" } as Record<string, string>;
    const expected = new Map<string, number[]>();
    for (const row of gedRows.slice(1)) {
      const key = `${iso[row[gedColumn("country_id")] ?? ""]},${(row[gedColumn("date_start")] ?? "").slice(0, 7)}`;
      const sums = expected.get(key) ?? [0, 0, 0];
      const t = Number(row[gedColumn("type_of_violence")]) - 1;
      sums[t] = (sums[t] ?? 0) + Number(row[gedColumn("best")]);
      expected.set(key, sums);
    }
    const range = { from: "1989-01", to: "2019-12" };
    const country = await exportEventMonths(handle.db, { level: "country", ...range });
    const csv = eventMonthsFile(country, range).body;
    expect(csv.split("\n")[0]).toBe("iso3,month,sb_best,ns_best,os_best");
    const exported = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data.slice(1);
    let nonZero = 0;
    for (const [iso3, month, sb, ns, os] of exported) {
      const sums = expected.get(`${iso3},${month}`) ?? [0, 0, 0];
      expect([Number(sb), Number(ns), Number(os)], `${iso3} ${month}`).toEqual(sums);
      if (expected.has(`${iso3},${month}`)) nonZero += 1;
    }
    expect(nonZero).toBe(expected.size);
    // zero months are present: Mexico covers 1989-01 … 2019-12 every month
    expect(exported.filter((r) => r[0] === "MEX").length).toBe(31 * 12);
    // grid export sums to the same total
    const grid = eventMonthsFile(await exportEventMonths(handle.db, { level: "grid", ...range }), range).body;
    expect(grid.split("\n")[0]).toBe("priogrid_gid,month,sb_best,ns_best,os_best");
    const gridTotal = Papa.parse<string[]>(grid.trim())
      .data.slice(1)
      .reduce((a, r) => a + Number(r[2]) + Number(r[3]) + Number(r[4]), 0);
    const fileTotal = [...expected.values()].reduce((a, s) => a + (s[0] ?? 0) + (s[1] ?? 0) + (s[2] ?? 0), 0);
    expect(gridTotal).toBe(fileTotal);
  });

  it("answers country, series and event queries", async () => {
    const drc = await getCountry(handle.db, "cod");
    expect(drc).toMatchObject({ iso3: "COD", gwcode: 490, capital: "Kinshasa" });
    const series = await countryMonthSeries(reader(), {
      iso3: ["SYR"],
      from: "2019-01",
      to: "2019-02",
      series: "views",
    });
    expect(series.map((r) => r.month)).toEqual(["2019-01", "2019-02"]);
    const events = await listEvents(reader(), {
      bbox: { south: 4, west: 18, north: 5, east: 19 },
      from: "2019-01-01",
      to: "2019-12-31",
      limit: 5,
    });
    expect(events.total).toBeGreaterThan(0);
    expect(events.events.length).toBeLessThanOrEqual(5);
    for (const e of events.events) expect(e.iso3).toBe("CAF");
  });
});

describe("importing files", () => {
  it("importing the same file twice changes nothing", async () => {
    const path = gedFile("ged-small.csv", 50);
    const first = await importDataset(ctx, { kind: "ged", file: path, datasetId: "test-ged" });
    expect(first).toMatchObject({ ok: true, status: "created", rowCount: 50 });
    const before = await snapshot();
    const second = await importDataset(ctx, { kind: "ged", file: path, datasetId: "test-ged" });
    expect(second).toMatchObject({ ok: true, status: "unchanged" });
    expect(await snapshot()).toEqual(before);
  });

  it("tells an edited copy of a release apart from the release by its checksum", async () => {
    const release = gedFile("ged-release.csv", 40);
    const first = await importDataset(ctx, { kind: "ged", file: release, datasetId: "test-ged-edited" });
    expect(first.version).not.toMatch(/sha256/);
    const edited = gedFile("ged-edited.csv", 40, (row) => {
      row[gedColumn("best")] = String(Number(row[gedColumn("best")]) + 5);
      row[gedColumn("high")] = String(Number(row[gedColumn("high")]) + 5);
      return row;
    });
    const second = await importDataset(ctx, { kind: "ged", file: edited, datasetId: "test-ged-edited" });
    expect(second).toMatchObject({ ok: true, status: "replaced" });
    expect(second.version?.slice(0, -20)).toBe(first.version);
    expect(second.version?.slice(-20)).toMatch(/^\+sha256:[0-9a-f]{12}$/);
  });

  it("importing the bundled peace agreements again changes nothing", async () => {
    const file = join(BUNDLED_DATA_DIR, "ucdp_conflict/ucdp_peace_agreements_v22_1_1975_2019.csv");
    const before = await snapshot();
    const again = await importDataset(ctx, { kind: "peace-agreements", file });
    expect(again).toMatchObject({ ok: true, status: "unchanged", datasetId: "ucdp-peace-agreements" });
    expect(await snapshot()).toEqual(before);
    // Read and loaded again as another release, every agreement is found by its paid, unchanged.
    const release = await importDataset(ctx, { kind: "peace-agreements", file, version: "22.1-reloaded" });
    expect(release).toMatchObject({
      ok: true,
      status: "updated",
      rowCount: 364,
      rowsAdded: 0,
      rowsRemoved: 0,
      rowsChanged: 0,
    });
  });

  it("a newer release replaces the older rows and records the replacement", async () => {
    const path = gedFile("ged-newer.csv", 60, (row) => {
      row[gedColumn("best")] = String(Number(row[gedColumn("best")]) + 1);
      row[gedColumn("high")] = String(Number(row[gedColumn("high")]) + 1);
      return row;
    });
    const report = await importDataset(ctx, {
      kind: "ged",
      file: path,
      datasetId: "test-ged",
      version: "next",
    });
    expect(report).toMatchObject({
      ok: true,
      status: "replaced",
      rowsAdded: 10,
      rowsRemoved: 0,
      rowsChanged: 1,
    });
    const status = await dataStatus(handle.db);
    expect(status.datasets.find((d) => d.id === "test-ged")?.replacements).toEqual([
      expect.objectContaining({ newVersion: "next", newRowCount: 60, rowsAdded: 10, rowsChanged: 1 }),
    ]);
    // The same rows, named as another release in the file itself: no row of it changed.
    const renamedPath = join(dir, "ged-renamed.csv");
    const renamedRows = Papa.parse<string[]>(readFileSync(path, "utf8"), { skipEmptyLines: true }).data;
    writeFileSync(
      renamedPath,
      Papa.unparse(renamedRows.map(setCell("ged_version", "99.1")).with(0, [...gedHeader])),
    );
    const renamed = await importDataset(ctx, { kind: "ged", file: renamedPath, datasetId: "test-ged" });
    expect(renamed).toMatchObject({ ok: true, rowsAdded: 0, rowsRemoved: 0, rowsChanged: 0 });
  });

  const refusals: [string, () => string, RegExp, string][] = [
    [
      "an unknown country code",
      () => gedFile("bad-country.csv", 20, setCell("country_id", "999"), 7),
      /unknown/,
      "country_id",
    ],
    [
      "an unparseable date",
      () => gedFile("bad-date.csv", 20, setCell("date_start", "2019-02-31"), 7),
      /unparseable date/,
      "date_start",
    ],
    ["negative fatalities", () => gedFile("bad-best.csv", 20, setCell("best", "-3"), 7), /negative/, "best"],
  ];
  for (const [what, make, reason, column] of refusals) {
    it(`refuses a file with ${what}, naming line and field, and leaves the database as it was`, async () => {
      const before = await snapshot();
      const report = await importDataset(ctx, { kind: "ged", file: make(), datasetId: "test-ged" });
      expect(report.ok).toBe(false);
      expect(report.status).toBe("rejected");
      expect(report.errorCount).toBe(1);
      expect(report.errors[0]).toMatchObject({ line: 8, column, reason: expect.stringMatching(reason) });
      expect(report.message).toContain("line 8");
      expect(await snapshot()).toEqual(before);
    });
  }

  it("names the line an editor shows when a quoted field before the bad row spans lines", async () => {
    const rows = gedRows.slice(0, 4).map((r) => [...r]);
    rows[1] = (rows[1] ?? []).with(gedColumn("source_article"), "First line\nsecond line\nthird line");
    rows[3] = (rows[3] ?? []).with(gedColumn("best"), "lots");
    const path = join(dir, "multi-line.csv");
    writeFileSync(path, Papa.unparse(rows));
    const report = await importDataset(ctx, { kind: "ged", file: path, datasetId: "test-ged" });
    expect(report.errors[0]).toMatchObject({ line: 6, column: "best" });
    expect(readFileSync(path, "utf8").split("\n")[5]).toContain(",lots,");
  });

  it("refuses a file with a missing column", async () => {
    const before = await snapshot();
    const rows = gedRows.slice(0, 5).map((r) => r.filter((_, i) => i !== gedColumn("best")));
    const path = join(dir, "missing-column.csv");
    writeFileSync(path, Papa.unparse(rows));
    const report = await importDataset(ctx, { kind: "ged", file: path, datasetId: "test-ged" });
    expect(report.errors[0]).toMatchObject({ line: 1, column: "best", reason: "missing column" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a file with the wrong delimiter", async () => {
    const before = await snapshot();
    const path = join(dir, "semicolons.csv");
    writeFileSync(path, Papa.unparse(gedRows.slice(0, 5), { delimiter: ";" }));
    const report = await importDataset(ctx, { kind: "ged", file: path, datasetId: "test-ged" });
    expect(report.errors[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/wrong delimiter/) });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a truncated gzip, naming the file", async () => {
    const before = await snapshot();
    const whole = readFileSync(GED_FILE);
    const path = join(dir, "truncated.csv.gz");
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
    const report = await importDataset(ctx, { kind: "ged", file: path, datasetId: "test-ged" });
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({
      file: "truncated.csv.gz",
      line: 0,
      reason: expect.stringMatching(/^truncated or corrupt gzip file \(.+\)$/),
    });
    expect(report.message).toMatch(
      /^truncated\.csv\.gz was refused: 1 problem; nothing was imported\. First: truncated/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a file that is not UTF-8, naming the line and column", async () => {
    const before = await snapshot();
    const rows = gedRows.slice(0, 4).map((r) => [...r]);
    const where = rows[0]?.indexOf("where_description") ?? -1;
    if (rows[3]) rows[3][where] = "Bogotá";
    const path = join(dir, "latin1.csv");
    writeFileSync(path, Buffer.from(Papa.unparse(rows), "latin1"));
    const report = await importDataset(ctx, { kind: "ged", file: path, datasetId: "test-ged" });
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({
      line: 4,
      column: "where_description",
      reason: expect.stringMatching(/^not UTF-8 text/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an event file with a header and no rows: it would empty the dataset", async () => {
    const before = await snapshot();
    const report = await importDataset(ctx, {
      kind: "ged",
      file: gedFile("header-only.csv", 0),
      datasetId: "test-ged",
    });
    expect(report).toMatchObject({ ok: false, status: "rejected" });
    expect(report.errors[0]?.reason).toBe("the file holds no rows to import");
    expect(await snapshot()).toEqual(before);
  });

  /** A bundled file cut to its header and 40 rows, with one number in the last row replaced by a word. */
  const bundledWithBadLastRow = (file: string, column: string) => {
    const rows = Papa.parse<string[]>(readFileSync(join(BUNDLED_DATA_DIR, file), "utf8"), {
      skipEmptyLines: true,
    }).data.slice(0, 41);
    const index = rows[0]?.indexOf(column) ?? -1;
    expect(index, column).toBeGreaterThanOrEqual(0);
    rows[40] = (rows[40] ?? []).with(index, "many");
    const path = join(dir, `bad-last-row-${column}.csv`);
    writeFileSync(path, Papa.unparse(rows));
    // The line the last record starts on: quoted fields of earlier records may span lines.
    const line = rows.slice(0, 40).reduce((at, row) => at + row.join("").split("\n").length, 1);
    return { path, line };
  };
  const bundledRefusals = [
    ["views-cm", "views/views_ged_sb_cm_1990_2019.csv", "ucdp_ged_sb_best_sum"],
    ["acd", "ucdp_conflict/ucdp_prio_acd_v25_1_1946_2019.csv", "year"],
    ["peace-agreements", "ucdp_conflict/ucdp_peace_agreements_v22_1_1975_2019.csv", "year"],
    ["indicators", "wdi/wdi_sp_pop_totl_1960_2019.csv", "population"],
  ] as const;
  for (const [kind, file, column] of bundledRefusals) {
    it(`refuses a ${kind} file whose last line is wrong, and leaves the bundled dataset it would update as it was`, async () => {
      const datasetId = readBundledCatalogue().find((entry) => entry.files.includes(file))?.id;
      expect(datasetId).toBeDefined();
      const before = await snapshot();
      const bad = bundledWithBadLastRow(file, column);
      const report = await importDataset(ctx, { kind, file: bad.path, datasetId });
      expect(report).toMatchObject({ ok: false, status: "rejected" });
      expect(report.errors[0]).toMatchObject({ line: bad.line, column });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("finds a bundled file imported again without a dataset id by its checksum, and adds no copy", async () => {
    const before = await snapshot();
    const file = join(BUNDLED_DATA_DIR, "wdi/wdi_sp_pop_totl_1960_2019.csv");
    const report = await importDataset(ctx, { kind: "indicators", file });
    expect(report).toMatchObject({ ok: true, status: "unchanged", datasetId: "wdi-population" });
    expect(report.message).toMatch(/is already imported as wdi-population/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an ACLED or HXL file whose last line is wrong, and leaves the dataset it would replace as it was", async () => {
    const files = {
      acled: [
        "event_id_cnty,event_date,event_type,sub_event_type,inter1,inter2,country,iso,latitude,longitude,fatalities",
        "MEX1,2019-03-12,Battles,Armed clash,1,2,Mexico,484,19.4,-99.1,4",
        "MEX2,2019-03-13,Battles,Armed clash,1,2,Mexico,484,19.4,-99.1,FATALITIES",
      ],
      hxl: [
        "Country,Date,Killed",
        "#country+code,#date,#affected+killed",
        "CAF,2019-01-05,3",
        "CAF,2019-01-06,FATALITIES",
      ],
    } as const;
    for (const [kind, lines] of Object.entries(files) as [keyof typeof files, readonly string[]][]) {
      const datasetId = `test-${kind}-refusal`;
      const good = join(dir, `${kind}-good.csv`);
      writeFileSync(good, `${lines.slice(0, -1).join("\n")}\n`);
      expect(await importDataset(ctx, { kind, file: good, datasetId }), kind).toMatchObject({ ok: true });
      const before = await snapshot();
      const bad = join(dir, `${kind}-bad.csv`);
      writeFileSync(bad, `${lines.join("\n")}\n`);
      const report = await importDataset(ctx, { kind, file: bad, datasetId });
      expect(report, kind).toMatchObject({ ok: false, status: "rejected" });
      expect(report.errors[0]?.line, kind).toBe(lines.length);
      expect(await snapshot(), kind).toEqual(before);
    }
  });

  it("imports gzip files and HXL files", async () => {
    const gz = gedFile("small.csv.gz", 10, undefined, 2, true);
    expect(await importDataset(ctx, { kind: "ged", file: gz, datasetId: "test-ged-gz" })).toMatchObject({
      ok: true,
      rowCount: 10,
    });
    const hxl = join(dir, "reports.csv");
    writeFileSync(
      hxl,
      "Country,Date,Killed,Lat,Lon\n#country+code,#date,#affected+killed,#geo+lat,#geo+lon\nCAF,2019-01-05,3,4.36,18.55\nCF,2019-01-06,1,,\n",
    );
    const report = await importDataset(ctx, { kind: "hxl", file: hxl });
    expect(report).toMatchObject({ ok: true, rowCount: 2, datasetId: "hxl-reports" });
  });

  it("a views-cm file of newer months adds them and keeps the history; replacing makes the dataset the file", async () => {
    const bundled = Papa.parse<Record<string, string>>(
      readFileSync(join(BUNDLED_DATA_DIR, "views/views_ged_sb_cm_1990_2019.csv"), "utf8"),
      { header: true, skipEmptyLines: true },
    ).data;
    const newer = bundled
      .filter((row) => row.year === "2019" && row.month === "12")
      .map((row) => ({ ...row, month_id: "481", year: "2020", month: "1" }));
    const path = join(dir, "views-2020-01.csv");
    writeFileSync(path, Papa.unparse(newer));
    const before = (await dataStatus(handle.db)).datasets.find((d) => d.id === "views-cm");
    const syria = () =>
      countryMonthSeries(reader(), { iso3: ["SYR"], from: "2019-11", to: "2020-01", series: "views" });
    expect(await syria()).toHaveLength(2);

    const update = await importDataset(ctx, { kind: "views-cm", file: path });
    expect(update).toMatchObject({ ok: true, status: "updated", rowsAdded: newer.length, rowsRemoved: 0 });
    expect(update.message).toMatch(/rows the file does not hold are kept/);
    // The dataset now holds the release and the file's rows: its version names both.
    expect(update.version?.slice(0, -20)).toBe(before?.version);
    expect(update.version?.slice(-20)).toMatch(/^\+sha256:[0-9a-f]{12}$/);
    expect((await syria()).map((r) => r.month)).toEqual(["2019-11", "2019-12", "2020-01"]);
    const after = (await dataStatus(handle.db)).datasets.find((d) => d.id === "views-cm");
    expect(before?.fullThrough).toBe("2019-12");
    expect(after).toMatchObject({
      rowCount: (before?.rowCount ?? 0) + newer.length,
      spanStart: before?.spanStart,
      spanEnd: "2020-01-01",
      fullThrough: "2020-01",
      title: before?.title,
      licence: before?.licence,
      citation: before?.citation,
    });

    expect(after?.replacements.at(-1)).toMatchObject({ newRowCount: (before?.rowCount ?? 0) + newer.length });
    // Rows the dataset already holds, sent again as an update: nothing changes, not even the release.
    const sameRows = join(dir, "views-2020-01-again.csv");
    writeFileSync(sameRows, Papa.unparse(newer.slice(0, 5)));
    const noChange = await importDataset(ctx, { kind: "views-cm", file: sameRows });
    expect(noChange).toMatchObject({
      ok: true,
      status: "updated",
      rowsAdded: 0,
      rowsChanged: 0,
      version: update.version,
    });
    expect((await dataStatus(handle.db)).datasets.find((d) => d.id === "views-cm")).toMatchObject({
      version: update.version,
      rowCount: after?.rowCount,
    });
    // The same file again, now to replace: carried out, not taken for a repeat.
    const replace = await importDataset(ctx, { kind: "views-cm", file: path, mode: "replace" });
    expect(replace).toMatchObject({ ok: true, status: "replaced", rowsRemoved: before?.rowCount });
    expect(replace.version).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect((await syria()).map((r) => r.month)).toEqual(["2020-01"]);
    // And again with a licence: the provenance is recorded though no row changes.
    const relicensed = await importDataset(ctx, { kind: "views-cm", file: path, licence: "CC BY 4.0" });
    expect(relicensed).toMatchObject({ ok: true, rowsAdded: 0, rowsRemoved: 0, rowsChanged: 0 });
    expect((await dataStatus(handle.db)).datasets.find((d) => d.id === "views-cm")?.licence).toBe(
      "CC BY 4.0",
    );
  });

  it("two imports of one dataset at once take turns: the catalogue says what the rows are", async () => {
    const rows = (months: number[]) =>
      months.flatMap((month) =>
        ["SYR", "MLI", "COL"].map((isoab, i) => ({
          country_id: String(i + 1),
          month_id: String(480 + month),
          country: isoab,
          gwcode: String([652, 432, 100][i]),
          isoab,
          year: "2020",
          month: String(month),
          ucdp_ged_sb_best_sum: String(month * 10 + i),
        })),
      );
    const first = join(dir, "turns-1.csv");
    const second = join(dir, "turns-2.csv");
    writeFileSync(first, Papa.unparse(rows([1])));
    writeFileSync(second, Papa.unparse(rows([1, 2, 3])));
    const options = { kind: "views-cm", datasetId: "views-turns" } as const;
    await importDataset(ctx, { ...options, file: first });
    const [a, b] = await Promise.all([
      importDataset(ctx, { ...options, file: second }),
      importDataset(ctx, { ...options, file: second }),
    ]);
    expect([a.rowsAdded + b.rowsAdded, a.version]).toEqual([6, b.version]);
    const held = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM country_month WHERE dataset_id = 'views-turns'`.execute(handle.db);
    expect((await dataStatus(handle.db)).datasets.find((d) => d.id === "views-turns")).toMatchObject({
      version: a.version,
      rowCount: held.rows[0]?.n,
      spanEnd: "2020-03-01",
    });
    expect(held.rows[0]?.n).toBe(9);
    // A later month delivered for one of the three countries: the dataset is full through the month before.
    const late = join(dir, "turns-late.csv");
    writeFileSync(late, Papa.unparse(rows([4]).slice(0, 1)));
    await importDataset(ctx, { ...options, file: late });
    expect((await dataStatus(handle.db)).datasets.find((d) => d.id === "views-turns")).toMatchObject({
      spanEnd: "2020-04-01",
      fullThrough: "2020-03",
    });
  });
});
