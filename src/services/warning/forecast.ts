import { type DistributionForecast, forecastFromDistribution } from "../../core/warning/baselines.ts";
import type { FatalityDistribution } from "../../core/warning/distribution.ts";
import { gatherRows } from "../../core/warning/features.ts";
import type { CountryForecast, Driver } from "../../core/warning/forecast.ts";
import { type MonthKey, monthKey } from "../../core/warning/month.ts";
import type { WarningPanel } from "../../core/warning/panel.ts";
import { recentLevel, recentVolatility } from "../../core/warning/spread.ts";
import { originCells } from "../../core/warning/targets.ts";
import * as xgb from "../../repositories/xgboost/xgboost.ts";
import {
  type ForecastModelOptions,
  freeForecastModel,
  residualsFor,
  type TrainedForecastModel,
  trainForecastModel,
} from "./train-forecast-model.ts";

export type ForecastOptions = ForecastModelOptions & {
  /** How many drivers to keep per country and horizon. */
  topDrivers?: number;
};

const topContributions = (
  contributions: Float32Array,
  row: number,
  names: readonly string[],
  k: number,
): Driver[] => {
  const width = names.length + 1;
  const drivers: Driver[] = names.map((feature, f) => ({
    feature,
    contribution: contributions[row * width + f] as number,
  }));
  drivers.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return drivers.slice(0, k).filter((d) => d.contribution !== 0);
};

/**
 * Forecasts every country present at the model's origin, for every trained horizon, each with the predictive
 * distribution it came from (for scoring) and its top drivers: SHAP contributions to the log-odds of P(≥1).
 */
export const forecastWithModel = (model: TrainedForecastModel, topDrivers = 5): DistributionForecast[] => {
  const cells = originCells(model.panel);
  const features = gatherRows(model.grid, cells).features;
  const level = cells.map((cell) => recentLevel(model.panel, cell, model.levelMonths));
  const volatility = cells.map((cell) => recentVolatility(model.panel, cell));
  const out: DistributionForecast[] = [];
  for (const hm of model.horizons) {
    const pGt0 = xgb.predict(hm.gt0, features);
    const pGe25 = xgb.predict(hm.ge25, features);
    const size = xgb.predict(hm.size, features);
    const positiveMean = xgb.predict(hm.positiveMean, features);
    const contributions = topDrivers > 0 ? xgb.predictContributions(hm.gt0, features) : new Float32Array(0);
    const month = model.panel.firstMonth + model.panel.nMonths - 1 + hm.horizon;
    cells.forEach((cell, i) => {
      const unit = model.panel.units[cell.unit];
      if (!unit) return;
      const p = pGt0[i] as number;
      const distribution: FatalityDistribution = {
        p0: 1 - p,
        sample: residualsFor(hm, volatility[i] as number),
        shift: (size[i] as number) + (level[i] as number),
        continuous: true,
      };
      const forecast = forecastFromDistribution(
        {
          gwcode: unit.gwcode,
          iso3: unit.iso3,
          origin: model.origin,
          horizon: hm.horizon,
          month: monthKey(month),
        },
        distribution,
        // Two separately trained classifiers can disagree slightly; ≥25 deaths implies ≥1.
        { pGt0: p, pGe25: Math.min(p, pGe25[i] as number) },
      );
      // The log-scale size model with its residuals shapes the quantiles; the Poisson model sets the mean.
      forecast.mean = p * (positiveMean[i] as number);
      if (topDrivers > 0) forecast.drivers = topContributions(contributions, i, model.grid.names, topDrivers);
      out.push({ forecast, distribution });
    });
  }
  return out;
};

/** Retrains at `origin` on data dated at or before it, and forecasts all countries for horizons 1..maxHorizon. */
export const forecast = (
  panel: WarningPanel,
  origin: MonthKey,
  options: ForecastOptions = {},
): CountryForecast[] => {
  const model = trainForecastModel(panel, origin, options);
  try {
    return forecastWithModel(model, options.topDrivers ?? 5).map((f) => f.forecast);
  } finally {
    freeForecastModel(model);
  }
};
