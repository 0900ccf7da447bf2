/**
 * Early-warning benchmark: one retrain + 12-horizon forecast of all countries, then the five-origin backtest,
 * timed beside the naive baselines, with the backtest scores. The panel is read from the database exactly as
 * `continuum forecast` and `continuum backtest` read it. Run: `node bench/warning.bench.ts [dataDir]`
 * (default: a fresh embedded database in a temporary folder, with the bundled data imported first).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { type ScoreSet, scoreNames } from "../src/core/warning/backtest-report.ts";
import { baselineForecasts, baselineNames } from "../src/core/warning/baselines.ts";
import { defaultCovariates } from "../src/core/warning/features.ts";
import { toDensePanel } from "../src/core/warning/panel.ts";
import { openDatabase } from "../src/db/engine.ts";
import { migrate } from "../src/db/migrate.ts";
import { loadWarningPanel } from "../src/repositories/warning/panel.repository.ts";
import { systemDataContext } from "../src/services/data/data-context.ts";
import { initialiseBundledData } from "../src/services/data/initialise-bundled-data.ts";
import { sharedDatasetIds } from "../src/services/data/shared-datasets.ts";
import { backtestOnWorkers } from "../src/services/warning/backtest-on-workers.ts";
import { type ForecastOptions, forecast } from "../src/services/warning/forecast.ts";

// Model options for experiments, e.g. WARNING_OPTIONS='{"rounds":200,"maxDepth":5}'.
const options = JSON.parse(process.env.WARNING_OPTIONS ?? "{}") as ForecastOptions;

const seconds = (from: number): string => `${((performance.now() - from) / 1000).toFixed(2)} s`;
// CPU seconds of this process (all threads): on a shared machine wall-clock time also counts the neighbours.
const cpuSeconds = (from: NodeJS.CpuUsage): string => {
  const used = process.cpuUsage(from);
  return `${((used.user + used.system) / 1e6).toFixed(2)} s CPU`;
};

const temporary = process.argv[2] ? null : mkdtempSync(join(tmpdir(), "continuum-bench-"));
const handle = await openDatabase({ dataDir: process.argv[2] ?? temporary ?? "" });
let t = performance.now();
let loaded: Awaited<ReturnType<typeof loadWarningPanel>>;
try {
  await migrate(handle);
  const init = await initialiseBundledData(systemDataContext(handle));
  if (init.status === "initialised") console.log(`import bundled data (once): ${seconds(t)}`);
  t = performance.now();
  loaded = await loadWarningPanel(
    handle.db,
    "2019-12",
    defaultCovariates.map((c) => c.name),
    sharedDatasetIds(),
  );
} finally {
  await handle.close();
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}
const panel = loaded.panel;
console.log(
  `load: ${panel.rows.length} country-months and their covariates from the database in ${seconds(t)}`,
);

const origin = "2019-12";
t = performance.now();
let cpu = process.cpuUsage();
const forecasts = forecast(panel, origin, options);
const forecastTime = `${seconds(t)}, ${cpuSeconds(cpu)}`;
t = performance.now();
const dense = toDensePanel(panel.rows, origin);
for (const name of baselineNames) baselineForecasts(dense, name, 12);
console.log(
  `retrain + forecast at ${origin}: ${forecastTime} for ${new Set(forecasts.map((f) => f.gwcode)).size} countries × 12 horizons ` +
    `(naive baselines: ${seconds(t)})`,
);

// The reference origins, or others for a check, e.g. WARNING_ORIGINS=2014-06,2015-06,2016-06,2017-06,2018-06.
const origins = (process.env.WARNING_ORIGINS ?? "2014-12,2015-12,2016-12,2017-12,2018-12").split(",");
t = performance.now();
cpu = process.cpuUsage();
const result = await backtestOnWorkers(panel, origins, options, ({ done, total, label }) =>
  process.stderr.write(`  [${done}/${total}] ${label}\n`),
);
console.log(
  `backtest, ${origins.length} origins × 12 horizons on ${Math.min(availableParallelism(), origins.length)} threads: ${seconds(t)}, ${cpuSeconds(cpu)} ` +
    `(model ${result.modelSeconds.reduce((a, b) => a + b, 0).toFixed(2)} s, ` +
    `baselines ${result.baselineSeconds.reduce((a, b) => a + b, 0).toFixed(2)} s)`,
);

// The compared scores, then the ones judged against a target (coverage 0.8, ratio 1) rather than ranked.
const columns: (keyof ScoreSet)[] = ["n", ...scoreNames, "coverage80", "pitCoverage80", "meanRatio"];
const table = (subset: "pooled" | "onsets"): void => {
  console.log(`\n${subset}`);
  console.log(["method".padEnd(16), ...columns.map((c) => c.padStart(13))].join(""));
  for (const [name, scores] of Object.entries(result.report.methods)) {
    const s = scores[subset];
    console.log(
      [
        name.padEnd(16),
        ...columns.map((c) => (typeof s[c] === "number" ? (s[c] as number).toFixed(4) : "").padStart(13)),
      ].join(""),
    );
  }
};
table("pooled");
table("onsets");
console.log("\nmodel vs best baseline (improvement > 0 means the model is better)");
for (const c of result.report.comparisons) {
  console.log(
    `  ${c.subset.padEnd(7)} ${c.score.padEnd(13)} model ${c.model.toFixed(4)}  ${c.bestBaseline.padEnd(15)} ${c.baseline.toFixed(4)}  ${(100 * c.improvement).toFixed(1)}%`,
  );
}
const model = result.report.methods[result.report.modelName];
if (model) {
  const last12 = result.report.methods.last_12_months;
  console.log(
    "\nmodel per horizon: h brierGt0 brierGe25 mseLog1pMedian crps coverage80 pitCoverage80 meanRatio" +
      " | last_12_months brierGt0 brierGe25 mseLog1pMedian",
  );
  model.byHorizon.forEach((s, i) => {
    const b = last12?.byHorizon[i];
    console.log(
      `  ${i + 1} ${[s.brierGt0, s.brierGe25, s.mseLog1pMedian, s.crps, s.coverage80, s.pitCoverage80, s.meanRatio].map((v) => v.toFixed(4)).join(" ")}` +
        (b ? ` | ${[b.brierGt0, b.brierGe25, b.mseLog1pMedian].map((v) => v.toFixed(4)).join(" ")}` : ""),
    );
  });
  console.log("\nmodel reliability (P≥1): bin meanPredicted observedRate count");
  for (const b of model.pooled.reliabilityGt0) {
    console.log(
      `  ${b.lower.toFixed(1)}–${b.upper.toFixed(1)} ${b.meanPredicted.toFixed(3)} ${b.observedRate.toFixed(3)} ${b.count}`,
    );
  }
}
