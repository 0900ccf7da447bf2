import { type MonthKey, monthIndex } from "../../core/shared/months.ts";
import { buildFeatureGrid, type FeatureGrid } from "../../core/warning/features.ts";
import { maxHorizon as defaultMaxHorizon } from "../../core/warning/forecast.ts";
import { type DensePanel, toDensePanel, type WarningPanel } from "../../core/warning/panel.ts";
import { gatherHorizonRows } from "../../core/warning/season-features.ts";
import {
  fitSpread,
  recentLevel,
  recentVolatility,
  type SpreadModel,
  spreadAt,
} from "../../core/warning/spread.ts";
import { type Cell, labelledCells } from "../../core/warning/targets.ts";
import * as xgb from "../../repositories/xgboost/xgboost.ts";

/**
 * Settings of the model. Variants measured in the five-origin backtest and dropped because they did worse:
 * one booster for all horizons with the horizon as a feature (overshot the total), Platt and isotonic
 * recalibration on a hold-out period (raised Brier), weighting recent rows more (every score worse), and
 * residuals binned by predicted size (worse than scaling them by recent volatility).
 */
export type ForecastModelOptions = {
  maxHorizon?: number;
  /** Boosting rounds for the two classifiers and the size regressions. */
  rounds?: number;
  maxDepth?: number;
  eta?: number;
  /** Minimum hessian per leaf; small values let rare onsets get their own leaves. */
  minChildWeight?: number;
  /** Feature months need this much history before they are used for training. */
  minHistoryMonths?: number;
  /** Months held out at the end of the training window to measure the size model's honest residuals. */
  residualHoldoutMonths?: number;
  /** Quantiles of the standardised residuals kept per horizon (enough for smooth q10/q90 and the PIT). */
  residualQuantiles?: number;
  /** The size model predicts the change from the mean of this many recent months, on the log1p scale. */
  levelMonths?: number;
  /**
   * XGBoost's OpenMP threads. One by default: idle OpenMP threads spin, so two 2-thread trainings on a 2-core
   * machine (a forecast beside a backtest, or the tests) each ran 30 times slower; one thread is 25% slower
   * alone and unaffected by neighbours.
   */
  threads?: number;
};

/** The models for one horizon: P(≥1), P(≥25), and log1p(deaths) given ≥1, with out-of-sample residuals. */
type HorizonModel = {
  horizon: number;
  gt0: xgb.XgbModel;
  ge25: xgb.XgbModel;
  /** log1p(deaths) − the recent level (`recentLevel`), given ≥1 death. */
  size: xgb.XgbModel;
  /** E[deaths | ≥1 death], Poisson: unbiased in total where the log-scale size model is not. */
  positiveMean: xgb.XgbModel;
  /** Sorted quantiles of held-out residuals of the size model, each divided by its country's spread. */
  residuals: Float64Array;
  /** The residuals' scale as a function of the country's recent volatility. */
  spread: SpreadModel;
  trainingRows: number;
};

export type TrainedForecastModel = {
  origin: MonthKey;
  panel: DensePanel;
  grid: FeatureGrid;
  levelMonths: number;
  horizons: HorizonModel[];
};

/** The settings used where a run names none: stored with every run beside the ones it named. */
export const forecastModelDefaults: Readonly<Required<ForecastModelOptions>> = {
  maxHorizon: defaultMaxHorizon,
  rounds: 120,
  maxDepth: 4,
  eta: 0.08,
  minChildWeight: 5,
  minHistoryMonths: 12,
  residualHoldoutMonths: 36,
  residualQuantiles: 199,
  levelMonths: 3,
  threads: 1,
};

/**
 * The model settings a run's parameters (or requested options) set apart from the standard ones, with their
 * values. The horizon is judged by the caller; threads change only the speed.
 */
export const changedSettings = (parameters: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(forecastModelDefaults)
      .filter(([name]) => name !== "threads" && name !== "maxHorizon")
      .filter(([name, standard]) => name in parameters && parameters[name] !== standard)
      .map(([name]) => [name, parameters[name]]),
  );

/** Whether a run has the standard settings over at least the standard horizon. */
export const isStandardRun = (parameters: Readonly<Record<string, unknown>>, maxHorizon: number): boolean =>
  maxHorizon >= forecastModelDefaults.maxHorizon && Object.keys(changedSettings(parameters)).length === 0;

const boosterParams = (objective: string, o: Required<ForecastModelOptions>): xgb.XgbParams => ({
  objective,
  tree_method: "hist",
  max_bin: 64,
  max_depth: o.maxDepth,
  eta: o.eta,
  subsample: 0.8,
  colsample_bytree: 0.8,
  min_child_weight: o.minChildWeight,
  lambda: 1,
  nthread: o.threads,
  // Fixed seed: retraining on the same data must give the same forecast (and the leakage test relies on it).
  seed: 7,
  verbosity: 0,
});

const meanOf = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return xs.length === 0 ? 0 : s / xs.length;
};

type Rows = { features: Float32Array; nCols: number };

const trainBooster = (
  rows: Rows,
  labels: ArrayLike<number>,
  objective: string,
  o: Required<ForecastModelOptions>,
): xgb.XgbModel =>
  xgb.train({
    ...rows,
    nRows: labels.length,
    labels: Float32Array.from(labels),
    params: {
      ...boosterParams(objective, o),
      // Poisson boosting starts at log(0.5) and, with its capped step size, would need hundreds of rounds to
      // reach counts in the hundreds; starting at the mean count leaves the trees to model the differences.
      ...(objective === "count:poisson" ? { base_score: meanOf(labels) } : {}),
    },
    rounds: o.rounds,
  });

const evenQuantiles = (sorted: Float64Array, k: number): Float64Array => {
  if (sorted.length === 0) return new Float64Array([0]);
  return Float64Array.from({ length: k }, (_, i) => {
    const pos = ((i + 0.5) / k) * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(sorted.length - 1, lo + 1);
    return (sorted[lo] as number) + (pos - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
  });
};

/** The residual sample of a country: the standardised residuals times its spread. */
export const residualsFor = (m: HorizonModel, volatility: number): Float64Array => {
  const scale = spreadAt(m.spread, volatility);
  return m.residuals.map((z) => z * scale);
};

/** Residuals divided by the spread their country's recent volatility predicts, kept as even quantiles. */
const standardise = (
  panel: DensePanel,
  cells: readonly Cell[],
  residuals: readonly number[],
  o: Required<ForecastModelOptions>,
): Pick<HorizonModel, "residuals" | "spread"> => {
  const volatility = cells.map((c) => recentVolatility(panel, c));
  const spread = fitSpread(volatility, residuals);
  const standardised = Float64Array.from(residuals, (r, k) => r / spreadAt(spread, volatility[k] as number));
  return { residuals: evenQuantiles(standardised.sort(), o.residualQuantiles), spread };
};

/**
 * Residuals of the size model measured honestly: fit on positive months before the hold-out period, predict the
 * hold-out. In-sample residuals of boosted trees are too small and would make the intervals too narrow. Each
 * residual is divided by the spread expected from its country's recent volatility, so one pooled sample serves
 * a steady war and a flaring insurgency alike. With too few months for a hold-out (origins in the first years
 * of the data), the residuals of persistence itself stand in: wider than the model's, never falsely certain.
 */
const holdoutResiduals = (
  panel: DensePanel,
  rowsOf: (cells: readonly Cell[]) => Rows,
  cells: readonly Cell[],
  sizeLabels: Float64Array,
  cutoff: number,
  o: Required<ForecastModelOptions>,
): Pick<HorizonModel, "residuals" | "spread"> => {
  const early: number[] = [];
  const late: number[] = [];
  cells.forEach((c, i) => {
    (c.month < cutoff ? early : late).push(i);
  });
  if (early.length < 50 || late.length < 20) return standardise(panel, cells, Array.from(sizeLabels), o);
  const model = trainBooster(
    rowsOf(early.map((i) => cells[i] as Cell)),
    early.map((i) => sizeLabels[i] as number),
    "reg:squarederror",
    o,
  );
  try {
    const lateCells = late.map((i) => cells[i] as Cell);
    const predicted = xgb.predict(model, rowsOf(lateCells).features);
    const residuals = late.map((i, k) => (sizeLabels[i] as number) - (predicted[k] as number));
    return standardise(panel, lateCells, residuals, o);
  } finally {
    xgb.free(model);
  }
};

const trainHorizon = (
  panel: DensePanel,
  grid: FeatureGrid,
  h: number,
  o: Required<ForecastModelOptions>,
): HorizonModel => {
  const { cells, labels } = labelledCells(panel, h, o.minHistoryMonths);
  if (cells.length === 0) throw new Error(`no training rows for horizon ${h}`);
  const trained: xgb.XgbModel[] = [];
  const keep = (m: xgb.XgbModel): xgb.XgbModel => {
    trained.push(m);
    return m;
  };
  const rowsOf = (subset: readonly Cell[]): Rows => gatherHorizonRows(grid, panel, subset, h);
  try {
    const rows = rowsOf(cells);
    const gt0 = keep(
      trainBooster(
        rows,
        labels.map((y) => (y > 0 ? 1 : 0)),
        "binary:logistic",
        o,
      ),
    );
    const ge25 = keep(
      trainBooster(
        rows,
        labels.map((y) => (y >= 25 ? 1 : 0)),
        "binary:logistic",
        o,
      ),
    );
    const positive = cells.filter((_, i) => (labels[i] as number) > 0);
    const positiveLabels = labels.filter((y) => y > 0);
    const sizeLabels = positiveLabels.map(
      (y, i) => Math.log1p(y) - recentLevel(panel, positive[i] as Cell, o.levelMonths),
    );
    // Hold out the last months whose outcome is known: outcome month = feature month + h ≤ origin.
    const cutoff = panel.nMonths - 1 - h - o.residualHoldoutMonths;
    const residuals = holdoutResiduals(panel, rowsOf, positive, sizeLabels, cutoff, o);
    const positiveRows = rowsOf(positive);
    const size = keep(trainBooster(positiveRows, sizeLabels, "reg:squarederror", o));
    const positiveMean = keep(trainBooster(positiveRows, positiveLabels, "count:poisson", o));
    return { horizon: h, gt0, ge25, size, positiveMean, ...residuals, trainingRows: cells.length };
  } catch (error) {
    for (const m of trained) xgb.free(m);
    throw error;
  }
};

/**
 * Trains everything a forecast at `origin` needs, from panel rows dated at or before the origin only.
 * The caller owns the native models: pass the result to `freeForecastModel` when done.
 */
export const trainForecastModel = (
  input: WarningPanel,
  origin: MonthKey,
  options: ForecastModelOptions = {},
  onHorizonTrained: (horizon: number) => void = () => {},
): TrainedForecastModel => {
  const o: Required<ForecastModelOptions> = { ...forecastModelDefaults, ...options };
  const panel = toDensePanel(input.rows, origin);
  if (panel.nMonths === 0 || panel.firstMonth + panel.nMonths - 1 !== monthIndex(origin)) {
    throw new Error(`the panel has no rows for the origin month ${origin}`);
  }
  const grid = buildFeatureGrid(panel, {
    extended: true,
    ...(input.countryYear ? { countryYear: input.countryYear } : {}),
    ...(input.capitals ? { capitals: input.capitals } : {}),
    ...(input.conflicts ? { conflicts: input.conflicts } : {}),
    ...(input.agreements ? { agreements: input.agreements } : {}),
  });
  const horizons: HorizonModel[] = [];
  try {
    for (let h = 1; h <= o.maxHorizon; h++) {
      horizons.push(trainHorizon(panel, grid, h, o));
      onHorizonTrained(h);
    }
  } catch (error) {
    for (const m of horizons) freeHorizon(m);
    throw error;
  }
  return { origin, panel, grid, levelMonths: o.levelMonths, horizons };
};

const freeHorizon = (m: HorizonModel): void => {
  xgb.free(m.gt0);
  xgb.free(m.ge25);
  xgb.free(m.size);
  xgb.free(m.positiveMean);
};

export const freeForecastModel = (model: TrainedForecastModel): void => {
  for (const m of model.horizons) freeHorizon(m);
};
