import type { MonthKey } from "../shared/months.ts";

export const maxHorizon = 12;

/** Which published probability a driver explains. */
export type DriverTarget = "gt0" | "ge25";

/**
 * One feature's share of a prediction (SHAP value) on the log-odds scale of the classifier for `target`, and
 * the feature's value for that country and month as the model saw it.
 */
export type Driver = { feature: string; contribution: number; value: number; target: DriverTarget };

/** What the platform publishes for one country, origin and horizon. */
export type CountryForecast = {
  gwcode: number;
  iso3: string;
  origin: MonthKey;
  horizon: number;
  /** The month forecast: origin + horizon. */
  month: MonthKey;
  /** P(at least 1 state-based death). */
  pGt0: number;
  /** P(at least 25 deaths). */
  pGe25: number;
  /** Expected deaths. */
  mean: number;
  /** E[log(1 + deaths)]: the point forecast scored by MSE on log1p. */
  meanLog1p: number;
  q10: number;
  q50: number;
  q90: number;
  /** Per target, largest contributions first; empty for baselines. */
  drivers: Driver[];
};
