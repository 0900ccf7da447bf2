/**
 * The cell forecast of each bundled GED country at the 2019-12 origin: building its panel, training and
 * forecasting every cell 12 months ahead, beside the naive baselines' time on the same cells. Reads the bundled
 * events file directly (the database adds only the load of one country's events). Run:
 * `node bench/cell-forecast.bench.ts`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import Papa from "papaparse";
import { buildCellFeatureGrid } from "../src/core/warning/cells/cell-features.ts";
import { buildCellPanel, type CellEvent } from "../src/core/warning/cells/cell-panel.ts";
import { cellBaselines } from "../src/core/warning/cells/cell-rows.ts";
import { BUNDLED_DATA_DIR } from "../src/repositories/data/bundled-catalogue.ts";
import { fitCellModel } from "../src/services/warning/train-cell-model.ts";

const origin = "2019-12";
const file = join(BUNDLED_DATA_DIR, "ucdp_ged_events/ged_events_4countries_1989_2019.csv.gz");
const rows = Papa.parse<Record<string, string>>(gunzipSync(readFileSync(file)).toString("utf8"), {
  header: true,
  skipEmptyLines: true,
}).data;
const countries: Record<string, string> = { "652": "SYR", "70": "MEX", "775": "MMR", "482": "CAF" };
const byCountry = new Map<string, CellEvent[]>();
for (const r of rows) {
  const iso3 = countries[r.country_id ?? ""];
  if (!iso3 || !r.priogrid_gid) continue;
  const events = byCountry.get(iso3) ?? [];
  events.push({
    priogridGid: Number(r.priogrid_gid),
    month: (r.date_start ?? "").slice(0, 7),
    deaths: Number(r.best),
    stateBased: r.type_of_violence === "1",
  });
  byCountry.set(iso3, events);
}

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(2);
for (const [iso3, events] of [...byCountry].sort()) {
  let t = performance.now();
  try {
    const fitted = fitCellModel(events, origin);
    const model = seconds(t);
    t = performance.now();
    const grid = buildCellFeatureGrid(buildCellPanel(events, origin));
    for (const c of grid.panel.forecastCells) cellBaselines(grid, c, fitted.baseRate);
    console.log(
      `${iso3}: ${grid.panel.forecastCells.length} cells, ${fitted.trainingRows} training rows — model (train + forecast 12 months) ${model} s, baselines ${seconds(t)} s`,
    );
  } catch (error) {
    console.log(`${iso3}: no cell forecast (${(error as Error).message})`);
  }
}
