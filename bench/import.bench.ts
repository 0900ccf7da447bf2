/**
 * Import throughput: the bundled GED file (28,987 events, gzip) imported into a fresh embedded database,
 * beside a plain papaparse parse (array mode, same gunzipped stream) of the same file in the same run.
 * The import (read + validate on a worker thread while COPY loads the validated rows into a new partition,
 * bulk index build, aggregates, catalogue and audit, all in one transaction) must reach at least half the
 * plain parse rate. Run: node bench/import.bench.ts
 */
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import Papa from "papaparse";
import { buildRegistry } from "../src/core/data/registry.ts";
import { openDatabase } from "../src/db/engine.ts";
import { migrate } from "../src/db/migrate.ts";
import { BUNDLED_DATA_DIR } from "../src/repositories/data/bundled-catalogue.ts";
import { readCsvTable } from "../src/repositories/data/data-files.ts";
import { systemDataContext } from "../src/services/data/data-context.ts";
import { importDataset } from "../src/services/data/import-dataset.ts";
import { initialiseBundledData } from "../src/services/data/initialise-bundled-data.ts";

const GED = join(BUNDLED_DATA_DIR, "ucdp_ged_events/ged_events_4countries_1989_2019.csv.gz");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const plainParse = (): Promise<number> =>
  new Promise((resolve, reject) => {
    let rows = 0;
    const stream = createReadStream(GED).pipe(createGunzip());
    stream.setEncoding("utf8");
    Papa.parse<string[]>(stream, {
      skipEmptyLines: true,
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows - 1),
      error: reject,
    });
  });

const best = (values: number[]) => Math.min(...values);

const handle = await openDatabase({});
await migrate(handle);
const ctx = systemDataContext(handle);

// First start, timed as a whole (registry, ViEWS, GED, ACD, indicators).
const init = await initialiseBundledData(ctx);
console.log(`first-start import (embedded, in memory): ${(init.durationMs / 1000).toFixed(2)} s`);
for (const r of init.reports)
  console.log(
    `  ${r.datasetId.padEnd(22)} ${String(r.rowCount).padStart(7)} rows  ${(r.durationMs / 1000).toFixed(2)} s`,
  );

const [states, capitals, codes] = await Promise.all(
  ["gw_states.csv", "gw_capitals.csv", "country_codes.csv"].map((f) =>
    readCsvTable(join(BUNDLED_DATA_DIR, "registry", f)),
  ),
);
if (!states || !capitals || !codes) throw new Error("registry files missing");
const registry = buildRegistry(states, capitals, codes);

const parseTimes: number[] = [];
const importTimes: number[] = [];
let rows = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  let t0 = performance.now();
  rows = await plainParse();
  parseTimes.push((performance.now() - t0) / 1000);
  t0 = performance.now();
  // A new dataset id each round so every round does the full work (a repeat of the same id is a no-op).
  const report = await importDataset(ctx, {
    kind: "ged",
    file: GED,
    datasetId: `bench-ged-${round}`,
    registry,
  });
  importTimes.push((performance.now() - t0) / 1000);
  if (!report.ok || report.rowCount !== rows) throw new Error(`import failed: ${report.message}`);
}
const parseRate = rows / best(parseTimes);
const importRate = rows / best(importTimes);
console.log(`GED rows: ${rows}; best of ${ROUNDS} rounds`);
console.log(
  `plain papaparse parse (gunzip + arrays) ${parseRate.toFixed(0).padStart(9)} rows/s  ${best(parseTimes).toFixed(3)} s`,
);
console.log(
  `import (validate ∥ COPY + indexes + aggregates) ${importRate.toFixed(0).padStart(9)} rows/s  ${best(importTimes).toFixed(3)} s`,
);
console.log(
  `ratio import / parse: ${(importRate / parseRate).toFixed(2)} (target ≥ 0.50) ${importRate >= parseRate / 2 ? "PASS" : "FAIL"}`,
);
await handle.close();
if (importRate < parseRate / 2) process.exitCode = 1;
