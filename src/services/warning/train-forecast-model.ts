import {
  buildFeatureGrid,
  type FeatureGrid,
  type FeatureOptions,
  gatherRows,
} from "../../core/warning/features.ts";
import { maxHorizon as defaultMaxHorizon } from "../../core/warning/forecast.ts";
import { type MonthKey, monthIndex } from "../../core/warning/month.ts";
import { type DensePanel, toDensePanel, type WarningPanel } from "../../core/warning/panel.ts";
import { type Cell, labelledCells } from "../../core/warning/targets.ts";
import * as xgb from "../../repositories/xgboost/xgboost.ts";

export type ForecastModelOptions = {
  maxHorizon?: number;
  /** Boosting rounds for the two classifiers and the size regression. */
  rounds?: number;
  maxDepth?: number;
  eta?: number;
  /** Minimum hessian per leaf; small values let rare onsets get their own leaves. */
  minChildWeight?: number;
  /** Feature months need this much history before they are used for training. */
  minHistoryMonths?: number;
  /** Months held out at the end of the training window to measure the size model's honest residuals. */
  residualHoldoutMonths?: number;
  /** Quantiles of the residual distribution kept per horizon (enough for smooth q10/q90 and the PIT). */
  residualQuantiles?: number;
  threads?: number;
};

/** The models for one horizon: P(≥1), P(≥25), and log1p(deaths) given ≥1, with out-of-sample residuals. */
export type HorizonModel = {
  horizon: number;
  gt0: xgb.XgbModel;
  ge25: xgb.XgbModel;
  size: xgb.XgbModel;
  /** E[deaths | ≥1 death], Poisson: unbiased in total where the log-scale size model is not. */
  positiveMean: xgb.XgbModel;
  /** Sorted residuals log1p(y) − prediction of the size model on held-out months. */
  residuals: Float64Array;
  trainingRows: number;
};

export type TrainedForecastModel = {
  origin: MonthKey;
  panel: DensePanel;
  grid: FeatureGrid;
  featureNames: readonly string[];
  horizons: HorizonModel[];
};

const defaults = {
  maxHorizon: defaultMaxHorizon,
  rounds: 120,
  maxDepth: 4,
  eta: 0.08,
  minChildWeight: 5,
  minHistoryMonths: 12,
  residualHoldoutMonths: 36,
  residualQuantiles: 199,
  threads: 2,
} as const;

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

const trainBooster = (
  grid: FeatureGrid,
  cells: readonly Cell[],
  labels: ArrayLike<number>,
  objective: string,
  o: Required<ForecastModelOptions>,
): xgb.XgbModel => {
  const { features, nCols } = gatherRows(grid, cells);
  return xgb.train({
    features,
    nRows: cells.length,
    nCols,
    labels: Float32Array.from(labels),
    params: {
      ...boosterParams(objective, o),
      // Poisson boosting starts at log(0.5) and, with its capped step size, would need hundreds of rounds to
      // reach counts in the hundreds; starting at the mean count leaves the trees to model the differences.
      ...(objective === "count:poisson" ? { base_score: meanOf(labels) } : {}),
    },
    rounds: o.rounds,
  });
};

const meanOf = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return xs.length === 0 ? 0 : s / xs.length;
};

const evenQuantiles = (sorted: Float64Array, k: number): Float64Array => {
  if (sorted.length === 0) return new Float64Array([0]);
  return Float64Array.from({ length: k }, (_, i) => {
    const pos = ((i + 0.5) / k) * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(sorted.length - 1, lo + 1);
    return (sorted[lo] as number) + (pos - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
  });
};

/**
 * Residuals of the size model measured honestly: fit on positive months before the hold-out period, predict the
 * hold-out. In-sample residuals of boosted trees are too small and would make the intervals too narrow.
 */
const holdoutResiduals = (
  grid: FeatureGrid,
  cells: readonly Cell[],
  logLabels: Float64Array,
  cutoff: number,
  o: Required<ForecastModelOptions>,
): Float64Array => {
  const early: number[] = [];
  const late: number[] = [];
  cells.forEach((c, i) => {
    (c.month < cutoff ? early : late).push(i);
  });
  if (early.length < 50 || late.length < 20) return new Float64Array([0]);
  const model = trainBooster(
    grid,
    early.map((i) => cells[i] as Cell),
    early.map((i) => logLabels[i] as number),
    "reg:squarederror",
    o,
  );
  try {
    const lateCells = late.map((i) => cells[i] as Cell);
    const predicted = xgb.predict(model, gatherRows(grid, lateCells).features);
    const residuals = Float64Array.from(late, (i, k) => (logLabels[i] as number) - (predicted[k] as number));
    residuals.sort();
    return evenQuantiles(residuals, o.residualQuantiles);
  } finally {
    xgb.free(model);
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
  featureOptions: Omit<FeatureOptions, "countryYear" | "capitals"> = {},
): TrainedForecastModel => {
  const o: Required<ForecastModelOptions> = { ...defaults, ...options };
  const panel = toDensePanel(input.rows, origin);
  if (panel.nMonths === 0 || panel.firstMonth + panel.nMonths - 1 !== monthIndex(origin)) {
    throw new Error(`the panel has no rows for the origin month ${origin}`);
  }
  const grid = buildFeatureGrid(panel, {
    ...featureOptions,
    ...(input.countryYear ? { countryYear: input.countryYear } : {}),
    ...(input.capitals ? { capitals: input.capitals } : {}),
  });
  const horizons: HorizonModel[] = [];
  try {
    for (let h = 1; h <= o.maxHorizon; h++) {
      const { cells, labels } = labelledCells(panel, h, o.minHistoryMonths);
      if (cells.length === 0) throw new Error(`no training rows for horizon ${h} before ${origin}`);
      const gt0 = trainBooster(
        grid,
        cells,
        Float32Array.from(labels, (y) => (y > 0 ? 1 : 0)),
        "binary:logistic",
        o,
      );
      const ge25 = trainBooster(
        grid,
        cells,
        Float32Array.from(labels, (y) => (y >= 25 ? 1 : 0)),
        "binary:logistic",
        o,
      );
      const positive = cells.filter((_, i) => (labels[i] as number) > 0);
      const logLabels = Float64Array.from(
        labels.filter((y) => y > 0),
        (y) => Math.log1p(y),
      );
      // Hold out the last months whose outcome is known: outcome month = feature month + h ≤ origin.
      const cutoff = panel.nMonths - 1 - h - o.residualHoldoutMonths;
      const residuals = holdoutResiduals(grid, positive, logLabels, cutoff, o);
      const size = trainBooster(grid, positive, logLabels, "reg:squarederror", o);
      const positiveMean = trainBooster(
        grid,
        positive,
        labels.filter((y) => y > 0),
        "count:poisson",
        o,
      );
      horizons.push({ horizon: h, gt0, ge25, size, positiveMean, residuals, trainingRows: cells.length });
    }
  } catch (error) {
    for (const m of horizons) freeHorizon(m);
    throw error;
  }
  return { origin, panel, grid, featureNames: grid.names, horizons };
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
