import { type MonthKey, monthIndex } from "../../core/shared/months.ts";
import type { ScoredForecast } from "../../core/warning/backtest-report.ts";
import { type BacktestReport, buildBacktestReport } from "../../core/warning/backtest-report.ts";
import { baselineForecasts, baselineNames, type DistributionForecast } from "../../core/warning/baselines.ts";
import { cdf, cdfBelow, crps } from "../../core/warning/distribution.ts";
import { maxHorizon as defaultMaxHorizon } from "../../core/warning/forecast.ts";
import { isOnsetEligible } from "../../core/warning/onset.ts";
import { sbAt, toDensePanel, type WarningPanel } from "../../core/warning/panel.ts";
import { backtestSteps, type Progress, progressAt } from "../../core/warning/progress.ts";
import type { ForecastOptions } from "./forecast.ts";
import { forecastWithModel } from "./forecast.ts";
import { freeForecastModel, trainForecastModel } from "./train-forecast-model.ts";

export const modelName = "xgboost_hurdle";

export type BacktestProgress = (progress: Progress) => void;

/** The scored rows of some origins, per method, with the time each origin took. */
export type BacktestPart = {
  origins: MonthKey[];
  rows: Record<string, ScoredForecast[]>;
  /** Wall-clock seconds per origin spent retraining and forecasting (baselines excluded). */
  modelSeconds: number[];
  baselineSeconds: number[];
};

export type BacktestResult = Omit<BacktestPart, "origins"> & { report: BacktestReport };

const emptyRows = (): Record<string, ScoredForecast[]> =>
  Object.fromEntries([modelName, ...baselineNames].map((name) => [name, []]));

/**
 * Rolling-origin backtest of some origins: at each, retrain on data up to the origin, forecast 1..maxHorizon
 * months ahead, and score against what happened, beside the naive baselines on exactly the same rows. Rows
 * whose outcome month is not in the panel (beyond the data, or the country ceased to exist) are left out for
 * all. Progress counts `backtestSteps` for these origins only.
 */
export const backtestOrigins = (
  panel: WarningPanel,
  origins: readonly MonthKey[],
  options: ForecastOptions = {},
  onProgress: BacktestProgress = () => {},
): BacktestPart => {
  const maxHorizon = options.maxHorizon ?? defaultMaxHorizon;
  const truth = toDensePanel(panel.rows);
  const unitOf = new Map(truth.units.map((u, i) => [u.gwcode, i]));
  const rows = emptyRows();
  const modelSeconds: number[] = [];
  const baselineSeconds: number[] = [];
  const total = backtestSteps(origins.length, maxHorizon);
  let done = 0;

  const score = (forecasts: DistributionForecast[], into: ScoredForecast[]): void => {
    for (const { forecast, distribution } of forecasts) {
      const u = unitOf.get(forecast.gwcode);
      if (u === undefined) continue;
      const observed = sbAt(truth, u, monthIndex(forecast.month));
      if (Number.isNaN(observed)) continue;
      into.push({
        forecast,
        observed,
        pitLower: cdfBelow(distribution, observed),
        pitUpper: cdf(distribution, observed),
        onset: isOnsetEligible(truth, u, monthIndex(forecast.origin) - truth.firstMonth),
        crps: crps(distribution, observed),
        crpsLog1p: crps(distribution, observed, true),
      });
    }
  };

  for (const origin of origins) {
    const training = (horizon: number) =>
      onProgress(progressAt(done, total, "retraining", { origin, horizon, of: maxHorizon }));
    training(1);
    let started = performance.now();
    const model = trainForecastModel(panel, origin, options, (h) => {
      done++;
      if (h < maxHorizon) training(h + 1);
    });
    try {
      score(forecastWithModel(model, options.topDrivers ?? 0), rows[modelName] as ScoredForecast[]);
    } finally {
      freeForecastModel(model);
    }
    modelSeconds.push((performance.now() - started) / 1000);
    onProgress(progressAt(done, total, "baselines", { origin }));
    started = performance.now();
    const atOrigin = toDensePanel(panel.rows, origin);
    for (const name of baselineNames) {
      score(baselineForecasts(atOrigin, name, maxHorizon), rows[name] as ScoredForecast[]);
    }
    baselineSeconds.push((performance.now() - started) / 1000);
    onProgress(progressAt(++done, total, "scored", { origin }));
  }
  return { origins: [...origins], rows, modelSeconds, baselineSeconds };
};

/** One report from parts run apart (on several threads), read in the order of `origins`. */
export const combineBacktest = (
  parts: readonly BacktestPart[],
  origins: readonly MonthKey[],
  maxHorizon: number,
): BacktestResult => {
  const rows = emptyRows();
  const modelSeconds: number[] = [];
  const baselineSeconds: number[] = [];
  for (const origin of origins) {
    const part = parts.find((p) => p.origins.includes(origin));
    if (!part) throw new Error(`no backtest part scored ${origin}`);
    const at = part.origins.indexOf(origin);
    for (const [name, scored] of Object.entries(part.rows)) {
      rows[name]?.push(...scored.filter((r) => r.forecast.origin === origin));
    }
    modelSeconds.push(part.modelSeconds[at] as number);
    baselineSeconds.push(part.baselineSeconds[at] as number);
  }
  return {
    report: buildBacktestReport([...origins], rows, maxHorizon, modelName),
    rows,
    modelSeconds,
    baselineSeconds,
  };
};

/** The whole backtest on this thread. */
export const backtest = (
  panel: WarningPanel,
  origins: readonly MonthKey[],
  options: ForecastOptions = {},
  onProgress: BacktestProgress = () => {},
): BacktestResult =>
  combineBacktest(
    [backtestOrigins(panel, origins, options, onProgress)],
    origins,
    options.maxHorizon ?? defaultMaxHorizon,
  );
