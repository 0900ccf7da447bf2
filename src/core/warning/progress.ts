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
export type ProgressStep = (typeof progressSteps)[number];
export type ProgressParams = Record<string, string | number>;
export type Progress = TProgress;

const english: Record<ProgressStep, (p: ProgressParams) => string> = {
  queued: () => "queued",
  loading: (p) => (p.origin ? `loading data up to ${p.origin}` : "loading data"),
  training: (p) => `training and forecasting ${p.countries} countries × ${p.months} months`,
  storing: (p) => `storing ${p.count} forecasts`,
  retraining: (p) => `retrain and forecast at ${p.origin}`,
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
