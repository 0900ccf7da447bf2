import { isoInstant } from "../../core/shared/instants.ts";
import { addMonths, type MonthKey } from "../../core/shared/months.ts";
import {
  describeFeature,
  driverDirection,
  driverEffectPoints,
  driverReading,
  isNoticeableEffect,
} from "../../core/warning/driver-phrases.ts";
import type { Driver, DriverTarget } from "../../core/warning/forecast.ts";
import type {
  TBacktestReport,
  TBacktestRun,
  TCountryForecast,
  TDriver,
  TForecast,
  TForecastRun,
  TForecastRunWithEvidence,
  TLatestOrigin,
  TWatchlist,
} from "../../core/warning/warning.schemas.ts";
import type { BacktestRunRow } from "../../repositories/warning/backtest-runs.repository.ts";
import type { ForecastRecord, ForecastRunRow } from "../../repositories/warning/forecast-runs.repository.ts";
import type { ForecastRunWithEvidence } from "../../services/warning/forecast-run-evidence.ts";
import { isReferenceBacktest } from "../../services/warning/get-backtest-run.ts";
import type { CountryForecastView } from "../../services/warning/read-country-forecast.ts";
import type { WatchlistView } from "../../services/warning/read-watchlist.ts";
import { changedSettings } from "../../services/warning/train-forecast-model.ts";

export const presentForecastRun = (run: ForecastRunRow): TForecastRun => ({
  id: run.id,
  origin: run.origin,
  maxHorizon: run.maxHorizon,
  status: run.status,
  modelVersion: run.modelVersion,
  parameters: run.parameters,
  datasetVersions: run.datasetVersions,
  trigger: run.trigger,
  startedAt: isoInstant(run.startedAt) ?? "",
  finishedAt: isoInstant(run.finishedAt),
  error: run.error,
  progress: run.progress,
  forecastCount: run.forecastCount,
  // A run that failed shows nowhere, whatever settings it ran with.
  published: run.published && run.status !== "failed",
});

/** A forecast run as its own resource: with the reference backtest's comparisons as the evidence for it. */
export const presentForecastRunWithEvidence = ({
  run,
  backtest,
}: ForecastRunWithEvidence): TForecastRunWithEvidence => {
  const report = backtest && withoutNaN(backtest.report);
  const pooled = report?.methods[report.modelName]?.pooled;
  return {
    ...presentForecastRun(run),
    backtest: backtest && {
      runId: backtest.id,
      origins: backtest.origins,
      maxHorizon: backtest.maxHorizon,
      finishedAt: isoInstant(backtest.finishedAt),
      comparisons: report?.comparisons ?? [],
      coverage80: pooled?.coverage80 ?? null,
      pitCoverage80: pooled?.pitCoverage80 ?? null,
    },
  };
};

export const presentLatestOrigin = (month: MonthKey | null): TLatestOrigin => ({ latestOrigin: month });

/** Drivers of one probability; runs stored before P(≥25) had its own drivers hold only P(≥1)'s, untagged. */
export const presentDrivers = (
  drivers: readonly Partial<Driver>[],
  target: DriverTarget,
  probability: number,
  origin: MonthKey,
): TDriver[] =>
  drivers
    .filter((d) => (d.target ?? "gt0") === target)
    .map((d) => {
      const feature = d.feature ?? "";
      const contribution = d.contribution ?? 0;
      return {
        feature,
        target,
        contribution,
        effectPoints: driverEffectPoints(probability, contribution),
        reading: driverReading(feature, d.value ?? null, origin),
        phrase: describeFeature(feature),
        direction: driverDirection(contribution),
      };
    })
    .filter((d) => isNoticeableEffect(d.effectPoints));

export const presentForecast = (f: ForecastRecord): TForecast => ({
  iso3: f.iso3,
  gwcode: f.gwcode,
  name: f.name,
  isoNumeric: f.isoNumeric,
  origin: f.origin,
  month: f.month,
  horizon: f.horizon,
  pGt0: f.pGt0,
  pGe25: f.pGe25,
  mean: f.mean,
  q10: f.q10,
  q50: f.q50,
  q90: f.q90,
  drivers: [
    ...presentDrivers(f.drivers, "gt0", f.pGt0, f.origin),
    ...presentDrivers(f.drivers, "ge25", f.pGe25, f.origin),
  ],
});

export const presentWatchlist = (view: WatchlistView): TWatchlist => ({
  run: presentForecastRun(view.run),
  previousRun: view.previousRun ? presentForecastRun(view.previousRun) : null,
  measure: view.measure,
  horizon: view.horizon,
  entries: view.entries.map((e) => ({
    rank: e.rank,
    iso3: e.iso3,
    name: e.name,
    isoNumeric: e.isoNumeric,
    month: e.month,
    horizon: e.horizon,
    pGt0: e.pGt0,
    pGe25: e.pGe25,
    q10: e.q10,
    q50: e.q50,
    q90: e.q90,
    previous: e.previous,
    change: e.change,
    topDrivers: presentDrivers(
      e.drivers,
      view.measure === "pGe25" ? "ge25" : "gt0",
      view.measure === "pGe25" ? e.pGe25 : e.pGt0,
      addMonths(e.month, -e.horizon),
    ).slice(0, 3),
  })),
});

export const presentCountryForecast = (view: CountryForecastView): TCountryForecast => ({
  run: presentForecastRun(view.run),
  iso3: view.iso3,
  name: view.name,
  observed: view.observed,
  forecasts: view.forecasts.map(presentForecast),
});

/** JSON has no NaN: a score that could not be computed is stored, and published, as null. */
const withoutNaN = (report: unknown): TBacktestReport | null =>
  report === null || report === undefined ? null : (JSON.parse(JSON.stringify(report)) as TBacktestReport);

export const presentBacktestRun = (run: BacktestRunRow): TBacktestRun => ({
  id: run.id,
  origins: run.origins,
  maxHorizon: run.maxHorizon,
  status: run.status,
  modelVersion: run.modelVersion,
  parameters: run.parameters,
  datasetVersions: run.datasetVersions,
  progress: run.progress,
  startedAt: isoInstant(run.startedAt) ?? "",
  finishedAt: isoInstant(run.finishedAt),
  error: run.error,
  timings: run.timings,
  standard: isReferenceBacktest(run),
  changedSettings: changedSettings(run.parameters),
  report: withoutNaN(run.report),
});
