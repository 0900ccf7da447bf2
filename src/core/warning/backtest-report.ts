import type { MonthKey } from "../shared/months.ts";
import type { CountryForecast } from "./forecast.ts";
import {
  averagePrecision,
  brier,
  intervalCoverage,
  logLoss,
  meanRatio,
  mseLog1p,
  pinballLog1p,
  type ReliabilityBin,
  randomisedPitCoverage,
  reliabilityBins,
  rocAuc,
} from "./scoring.ts";

/**
 * The origins of the reference backtest, whose scores are published beside the forecasts: five Decembers,
 * each with twelve months of outcomes in the bundled data. A backtest over other origins is an experiment.
 */
export const referenceOrigins: readonly MonthKey[] = ["2014-12", "2015-12", "2016-12", "2017-12", "2018-12"];

/** A forecast next to what happened. `pitLower`/`pitUpper` are P(Y < y) and P(Y ≤ y) under the forecast. */
export type ScoredForecast = {
  forecast: CountryForecast;
  observed: number;
  pitLower: number;
  pitUpper: number;
  /** The country was calm for the 24 months up to the origin. */
  onset: boolean;
  /** CRPS of the forecast distribution against the observation, on counts and on log1p (NaN if not scored). */
  crps?: number;
  crpsLog1p?: number;
};

export type ScoreSet = {
  n: number;
  shareGt0: number;
  shareGe25: number;
  aucGt0: number;
  apGt0: number;
  brierGt0: number;
  logLossGt0: number;
  aucGe25: number;
  apGe25: number;
  brierGe25: number;
  logLossGe25: number;
  /** MSE of log1p(median forecast) against log1p(observed): the point forecast a reader sees on the fan chart. */
  mseLog1pMedian: number;
  /** MSE of E[log1p] against log1p(observed): the point forecast that minimises it, as ViEWS scores. */
  mseLog1p: number;
  /** Mean pinball loss of q10, q50, q90 on log1p. */
  pinballLog1p: number;
  /** Share of observations in [q10, q90]. */
  coverage80: number;
  /** Randomised-PIT coverage of the central 80%: nominal 0.8 when calibrated, even with an atom at zero. */
  pitCoverage80: number;
  meanRatio: number;
  /** Mean CRPS on fatality counts: dominated by the largest wars. */
  crps: number;
  /** Mean CRPS on log1p(fatalities): every country-month weighs alike, as in MSE on log1p. */
  crpsLog1p: number;
  reliabilityGt0: ReliabilityBin[];
  reliabilityGe25: ReliabilityBin[];
};

export const scoreNames = [
  "aucGt0",
  "apGt0",
  "brierGt0",
  "logLossGt0",
  "aucGe25",
  "apGe25",
  "brierGe25",
  "logLossGe25",
  "mseLog1pMedian",
  "mseLog1p",
  "pinballLog1p",
  "crps",
  "crpsLog1p",
] as const;
type ScoreName = (typeof scoreNames)[number];
const higherIsBetter = new Set<string>(["aucGt0", "apGt0", "aucGe25", "apGe25"]);

/** Which way a score improves: up, down, or towards its target (the mean ratio 1, an 80% coverage 0.8). */
export const betterWhen = (score: string): "higher" | "lower" | "nearOne" | "near80" => {
  if (higherIsBetter.has(score)) return "higher";
  if (score === "meanRatio") return "nearOne";
  if (score.endsWith("overage80")) return "near80";
  return "lower";
};

/**
 * How far a score lies from perfect, so that the methods of any row can be ranked (lower is better): a loss as
 * it is, AUC and average precision from the top, the mean ratio from 1 (on the log scale: twice and half miss
 * alike, and a method that forecast no deaths at all is infinitely far) and an 80% coverage from 0.8.
 */
export const distanceFromPerfect = (score: string, value: number): number => {
  switch (betterWhen(score)) {
    case "higher":
      return -value;
    case "nearOne":
      return Math.abs(Math.log(value));
    case "near80":
      return Math.abs(value - 0.8);
    case "lower":
      return value;
  }
};

const meanOf = (xs: readonly number[]): number =>
  xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;

const scoreSet = (rows: readonly ScoredForecast[]): ScoreSet => {
  const y = rows.map((r) => r.observed);
  const gt0 = y.map((v) => (v > 0 ? 1 : 0));
  const ge25 = y.map((v) => (v >= 25 ? 1 : 0));
  const pGt0 = rows.map((r) => r.forecast.pGt0);
  const pGe25 = rows.map((r) => r.forecast.pGe25);
  const q10 = rows.map((r) => r.forecast.q10);
  const q50 = rows.map((r) => r.forecast.q50);
  const q90 = rows.map((r) => r.forecast.q90);
  const n = rows.length;
  const share = (xs: number[]): number => (n === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / n);
  return {
    n,
    shareGt0: share(gt0),
    shareGe25: share(ge25),
    aucGt0: rocAuc(gt0, pGt0),
    apGt0: averagePrecision(gt0, pGt0),
    brierGt0: brier(gt0, pGt0),
    logLossGt0: logLoss(gt0, pGt0),
    aucGe25: rocAuc(ge25, pGe25),
    apGe25: averagePrecision(ge25, pGe25),
    brierGe25: brier(ge25, pGe25),
    logLossGe25: logLoss(ge25, pGe25),
    mseLog1pMedian: mseLog1p(
      y,
      q50.map((q) => Math.log1p(Math.max(0, q))),
    ),
    mseLog1p: mseLog1p(
      y,
      rows.map((r) => r.forecast.meanLog1p),
    ),
    pinballLog1p: (pinballLog1p(y, q10, 0.1) + pinballLog1p(y, q50, 0.5) + pinballLog1p(y, q90, 0.9)) / 3,
    coverage80: intervalCoverage(y, q10, q90),
    pitCoverage80: randomisedPitCoverage(
      rows.map((r) => r.pitLower),
      rows.map((r) => r.pitUpper),
    ),
    meanRatio: meanRatio(
      y,
      rows.map((r) => r.forecast.mean),
    ),
    crps: meanOf(rows.map((r) => r.crps ?? Number.NaN)),
    crpsLog1p: meanOf(rows.map((r) => r.crpsLog1p ?? Number.NaN)),
    reliabilityGt0: reliabilityBins(gt0, pGt0),
    reliabilityGe25: reliabilityBins(ge25, pGe25),
  };
};

type MethodScores = {
  pooled: ScoreSet;
  /** Index h − 1 holds horizon h. */
  byHorizon: ScoreSet[];
  byOrigin: Record<MonthKey, ScoreSet>;
  /** Only rows whose country was calm for 24 months before the origin. */
  onsets: ScoreSet;
};

type Comparison = {
  score: ScoreName;
  subset: "pooled" | "onsets";
  model: number;
  bestBaseline: string;
  baseline: number;
  /**
   * Positive when the model is better: relative reduction of a loss, or relative gain of AUC/AP; NaN where the
   * baseline's loss is all but zero.
   */
  improvement: number;
};

export type BacktestReport = {
  origins: MonthKey[];
  maxHorizon: number;
  modelName: string;
  methods: Record<string, MethodScores>;
  comparisons: Comparison[];
};

const methodScores = (rows: readonly ScoredForecast[], maxHorizon: number): MethodScores => {
  const byOriginRows = new Map<MonthKey, ScoredForecast[]>();
  for (const r of rows) {
    const list = byOriginRows.get(r.forecast.origin);
    if (list) list.push(r);
    else byOriginRows.set(r.forecast.origin, [r]);
  }
  return {
    pooled: scoreSet(rows),
    byHorizon: Array.from({ length: maxHorizon }, (_, i) =>
      scoreSet(rows.filter((r) => r.forecast.horizon === i + 1)),
    ),
    byOrigin: Object.fromEntries([...byOriginRows].map(([origin, list]) => [origin, scoreSet(list)])),
    onsets: scoreSet(rows.filter((r) => r.onset)),
  };
};

const compare = (
  methods: Record<string, MethodScores>,
  modelName: string,
  subset: "pooled" | "onsets",
): Comparison[] =>
  scoreNames.map((score) => {
    const better = higherIsBetter.has(score);
    const model = methods[modelName]?.[subset][score] ?? Number.NaN;
    let bestBaseline = "";
    let baseline = Number.NaN;
    for (const [name, scores] of Object.entries(methods)) {
      if (name === modelName) continue;
      const v = scores[subset][score];
      if (Number.isNaN(v)) continue;
      if (Number.isNaN(baseline) || (better ? v > baseline : v < baseline)) {
        baseline = v;
        bestBaseline = name;
      }
    }
    // A loss this small means the baseline was right on every row (it said none, and none came): a relative
    // change against it says nothing.
    const improvement = better
      ? (model - baseline) / baseline
      : baseline < 1e-5
        ? Number.NaN
        : (baseline - model) / baseline;
    return { score, subset, model, bestBaseline, baseline, improvement };
  });

/** Scores each method pooled, per horizon, per origin and on onsets, and sets the model beside the best baseline. */
export const buildBacktestReport = (
  origins: MonthKey[],
  rowsByMethod: Record<string, readonly ScoredForecast[]>,
  maxHorizon: number,
  modelName: string,
): BacktestReport => {
  const methods = Object.fromEntries(
    Object.entries(rowsByMethod).map(([name, rows]) => [name, methodScores(rows, maxHorizon)]),
  );
  return {
    origins,
    maxHorizon,
    modelName,
    methods,
    comparisons: [...compare(methods, modelName, "pooled"), ...compare(methods, modelName, "onsets")],
  };
};
