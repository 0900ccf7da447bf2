/**
 * Early warning through the database: load the panel, retrain, forecast every country 12 months ahead and
 * store the run; then the five-origin backtest; each beside the naive baselines' time. Run:
 * `node bench/forecast-run.bench.ts [dataDir]` (default: a fresh embedded database in a temporary folder,
 * with the bundled data imported first; DATABASE_URL for PostgreSQL). Model options as in warning.bench.ts,
 * e.g. WARNING_OPTIONS='{"rounds":60}'.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliContext } from "../src/cli/runtime.ts";
import { baselineForecasts, baselineNames } from "../src/core/warning/baselines.ts";
import { defaultCovariates } from "../src/core/warning/features.ts";
import { toDensePanel } from "../src/core/warning/panel.ts";
import type { TModelOptions } from "../src/core/warning/warning.schemas.ts";
import { openDatabase } from "../src/db/engine.ts";
import { migrate } from "../src/db/migrate.ts";
import { loadPanelRows, loadWarningPanel } from "../src/repositories/warning/panel.repository.ts";
import { systemDataContext } from "../src/services/data/data-context.ts";
import { initialiseBundledData } from "../src/services/data/initialise-bundled-data.ts";
import { sharedDatasetIds } from "../src/services/data/shared-datasets.ts";
import { ensureFirstAdministrator } from "../src/services/system/ensure-first-administrator.ts";
import { startBacktestRun } from "../src/services/warning/run-backtest.ts";
import { startForecastRun } from "../src/services/warning/run-forecast.ts";

const options = JSON.parse(process.env.WARNING_OPTIONS ?? "{}") as TModelOptions;
const temporary =
  process.argv[2] || process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), "continuum-bench-"));
const seconds = (from: number) => (performance.now() - from) / 1000;
const s = (x: number) => `${x.toFixed(2)} s`;

const handle = await openDatabase(
  process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL }
    : { dataDir: process.argv[2] ?? temporary ?? "" },
);
try {
  await migrate(handle);
  let t = performance.now();
  const init = await initialiseBundledData(systemDataContext(handle));
  if (init.status === "initialised") console.log(`import bundled data (once): ${s(seconds(t))}`);
  await ensureFirstAdministrator(handle.db, {
    email: "bench@example.org",
    password: "a long bench passphrase",
  });
  const ctx = await cliContext(handle, {});
  console.log(`engine: ${handle.engine}`);

  // 1. Loading the panel, three times (the first pays for cold caches).
  const origin = "2019-12";
  const covariates = defaultCovariates.map((c) => c.name);
  const loads: number[] = [];
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const loaded = await loadWarningPanel(handle.db, origin, covariates, sharedDatasetIds());
    loads.push(seconds(t));
    rows =
      loaded.panel.rows.length +
      (loaded.panel.countryYear?.length ?? 0) +
      (loaded.panel.capitals?.length ?? 0);
  }
  t = performance.now();
  const sbRows = await loadPanelRows(handle.db, origin);
  const sbOnly = seconds(t);
  console.log(
    `load panel at ${origin}: ${loads.map(s).join(", ")} (${rows} rows: sb, country-year, capitals; sb series alone ${s(sbOnly)} for ${sbRows.length} rows)`,
  );

  // 2. The full forecast run: load + retrain + 12-horizon forecast of all countries + store.
  t = performance.now();
  const started = await startForecastRun(ctx, { trigger: "cli", origin, maxHorizon: 12, options });
  const { run, forecasts } = await started.completion;
  const total = seconds(t);
  const stages = (
    await handle.db.selectFrom("forecast_runs").select("scores").where("id", "=", run.id).executeTakeFirst()
  )?.scores as { loadSeconds: number; modelSeconds: number } | undefined;
  t = performance.now();
  const dense = toDensePanel(sbRows, origin);
  for (const name of baselineNames) baselineForecasts(dense, name, 12);
  const baselines = seconds(t);
  console.log(
    `forecast run at ${origin}: ${s(total)} for ${new Set(forecasts.map((f) => f.iso3)).size} countries × 12 months ` +
      `(load ${s(stages?.loadSeconds ?? Number.NaN)}, retrain + forecast ${s(stages?.modelSeconds ?? Number.NaN)}, ` +
      `store and bookkeeping ${s(total - (stages?.loadSeconds ?? 0) - (stages?.modelSeconds ?? 0))}); naive baselines ${s(baselines)}`,
  );

  // 3. The five-origin backtest.
  const origins = ["2014-12", "2015-12", "2016-12", "2017-12", "2018-12"];
  t = performance.now();
  const backtest = await (await startBacktestRun(ctx, { origins, maxHorizon: 12, options })).completion;
  const sum = (xs: number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);
  console.log(
    `backtest, ${origins.length} origins × 12 months: ${s(seconds(t))} ` +
      `(model ${s(sum(backtest.timings?.modelSeconds))}, naive baselines ${s(sum(backtest.timings?.baselineSeconds))})`,
  );
} finally {
  await handle.close();
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}
