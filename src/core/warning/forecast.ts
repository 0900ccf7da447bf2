import type { MonthKey } from "./month.ts";

export const maxHorizon = 12;

/** One feature's share of a prediction, on the log-odds scale of P(≥1 death) (SHAP value). */
export type Driver = { feature: string; contribution: number };

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
  /** Largest contributions first; empty for baselines. */
  drivers: Driver[];
};
