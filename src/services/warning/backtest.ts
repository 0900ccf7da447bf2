import type { ScoredForecast } from "../../core/warning/backtest-report.ts";
import { type BacktestReport, buildBacktestReport } from "../../core/warning/backtest-report.ts";
import { baselineForecasts, baselineNames, type DistributionForecast } from "../../core/warning/baselines.ts";
import { cdf, cdfBelow, crps } from "../../core/warning/distribution.ts";
import { maxHorizon as defaultMaxHorizon } from "../../core/warning/forecast.ts";
import { type MonthKey, monthIndex } from "../../core/warning/month.ts";
import { isOnsetEligible } from "../../core/warning/onset.ts";
import { sbAt, toDensePanel, type WarningPanel } from "../../core/warning/panel.ts";
import { backtestSteps, type Progress, progressAt } from "../../core/warning/progress.ts";
import type { ForecastOptions } from "./forecast.ts";
import { forecastWithModel } from "./forecast.ts";
import { freeForecastModel, trainForecastModel } from "./train-forecast-model.ts";

export const modelName = "xgboost_hurdle";

export type BacktestProgress = (progress: Progress) => void;

export type BacktestResult = {
  report: BacktestReport;
  /** Every scored row per method, for drill-down and storage. */
  rows: Record<string, ScoredForecast[]>;
  /** Wall-clock seconds per origin spent retraining and forecasting (baselines excluded). */
  modelSeconds: number[];
  baselineSeconds: number[];
};

/**
 * Rolling-origin backtest: at each origin, retrain on data up to the origin, forecast 1..maxHorizon months
 * ahead, and score against what happened, beside the naive baselines on exactly the same rows. Rows whose
 * outcome month is not in the panel (beyond the data, or the country ceased to exist) are left out for all.
 */
export const backtest = (
  panel: WarningPanel,
  origins: readonly MonthKey[],
  options: ForecastOptions = {},
  onProgress: BacktestProgress = () => {},
): BacktestResult => {
  const maxHorizon = options.maxHorizon ?? defaultMaxHorizon;
  const truth = toDensePanel(panel.rows);
  const unitOf = new Map(truth.units.map((u, i) => [u.gwcode, i]));
  const rows: Record<string, ScoredForecast[]> = { [modelName]: [] };
  for (const name of baselineNames) rows[name] = [];
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
  return {
    report: buildBacktestReport([...origins], rows, maxHorizon, modelName),
    rows,
    modelSeconds,
    baselineSeconds,
  };
};
