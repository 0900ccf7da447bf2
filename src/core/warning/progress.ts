import type { TProgress } from "./warning.schemas.ts";

/**
 * Where a forecast or backtest run is: a step with its figures, which the web app words in the reader's
 * language, and an English label for the CLI and for runs stored before steps existed.
 */
export const progressSteps = [
  "queued",
  "loading",
  "training",
  "storing",
  "retraining",
  "baselines",
  "scored",
  "done",
] as const;
type ProgressStep = (typeof progressSteps)[number];
type ProgressParams = Record<string, string | number>;
export type Progress = TProgress;

const english: Record<ProgressStep, (p: ProgressParams) => string> = {
  queued: () => "queued",
  loading: (p) => (p.origin ? `loading data up to ${p.origin}` : "loading data"),
  training: (p) =>
    `training and forecasting ${p.countries} countries × ${p.months} months${p.horizon ? ` (month ${p.horizon})` : ""}`,
  storing: (p) => `storing ${p.count} forecasts`,
  retraining: (p) =>
    `retrain and forecast at ${p.origin}${p.horizon ? ` (month ${p.horizon} of ${p.of})` : ""}`,
  baselines: (p) => `baselines at ${p.origin}`,
  scored: (p) => `scored ${p.origin}`,
  done: () => "done",
};

export const progressAt = (
  done: number,
  total: number,
  step: ProgressStep,
  params: ProgressParams = {},
): Progress => ({ done, total, step, params, label: english[step](params) });

/** A forecast run's steps: loading, one per month ahead trained, then storing; `done` equals the total at the end. */
export const forecastSteps = (months: number): number => months + 2;

/** Training the model for `horizon` months ahead, the others before it done. */
export const forecastTrainingProgress = (horizon: number, months: number, countries: number): Progress =>
  progressAt(horizon, forecastSteps(months), "training", { countries, months, horizon });

/** A backtest's steps: per origin, one per month ahead trained, then one for scoring beside the baselines. */
export const backtestSteps = (origins: number, months: number): number => origins * (months + 1);
