import {
  applyIsotonic,
  applyPlatt,
  fitIsotonic,
  fitPlatt,
  type IsotonicCalibrator,
  type PlattCalibrator,
} from "../../core/warning/calibration.ts";
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
  /**
   * One set of boosters for all horizons, the horizon being a feature (rows of every horizon stacked), instead
   * of one set per horizon: each horizon borrows strength from its neighbours, and forecasts vary smoothly.
   * Off by default: in the five-origin backtest it matched the per-horizon models on Brier and MSE on log1p but
   * overshot the total (mean ratio 1.26 against 1.15).
   */
  stacked?: boolean;
  /**
   * Recalibrates the stacked model's probabilities with a map fitted on the last `residualHoldoutMonths`
   * (boosters trained on earlier outcomes only): "platt" keeps the ranking, "isotonic" is free-form.
   * Off by default: both raised the Brier score (the hold-out period's miscalibration does not carry forward).
   */
  calibration?: "none" | "platt" | "isotonic";
  /**
   * Residual sets per horizon, split by predicted size (equal counts): 1 means one set for every country.
   * Four bins made CRPS and MSE on log1p worse in the backtest, so one set is the default.
   */
  residualBins?: number;
  /**
   * Training rows weigh 2^(−age / half-life), age in months before the newest row; 0 weighs all alike.
   * Half-lives of 5 and 10 years both made every score worse, so the default weighs all alike.
   */
  recencyHalfLifeMonths?: number;
  /**
   * Longer-memory, lag and world features on top of the standard history (see `extendedFeatureNames`): in the
   * backtest they lowered the Brier score for ≥25 and MSE on log1p.
   */
  extendedFeatures?: boolean;
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
  /** Recalibration of P(≥1) and P(≥25), fitted on a hold-out period (absent: the boosters' own probabilities). */
  calibration?: { gt0: ProbabilityCalibrator; ge25: ProbabilityCalibrator };
  /**
   * The same residuals split by the size model's prediction, so the spread depends on the country: bin i holds
   * predictions up to `residualEdges[i]` (the last bin everything above). Absent: `residuals` serve everyone.
   */
  residualEdges?: number[];
  residualBins?: Float64Array[];
  trainingRows: number;
};

export type ProbabilityCalibrator =
  | ({ kind: "platt" } & PlattCalibrator)
  | ({ kind: "isotonic" } & IsotonicCalibrator);

export const calibrate = (c: ProbabilityCalibrator | undefined, p: number): number =>
  c === undefined ? p : c.kind === "platt" ? applyPlatt(c, p) : applyIsotonic(c, p);

const fitCalibrator = (
  kind: "platt" | "isotonic",
  p: ArrayLike<number>,
  y: ArrayLike<number>,
): ProbabilityCalibrator => (kind === "platt" ? { kind, ...fitPlatt(p, y) } : { kind, ...fitIsotonic(p, y) });

export type TrainedForecastModel = {
  origin: MonthKey;
  panel: DensePanel;
  grid: FeatureGrid;
  /** Model inputs in column order: the grid's features, then `horizon` when the model is stacked. */
  featureNames: readonly string[];
  /** With a stacked model every entry shares the same boosters and keeps its own residuals. */
  horizons: HorizonModel[];
  /** True when the boosters take the horizon as their last input column. */
  horizonFeature?: boolean;
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
  stacked: false,
  residualBins: 1,
  calibration: "none",
  recencyHalfLifeMonths: 0,
  extendedFeatures: true,
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
  return trainOn({ features, nCols }, labels, objective, o, cells);
};

/** Weights halving every `recencyHalfLifeMonths` back from the newest feature month; none when 0. */
const recencyWeights = (cells: readonly Cell[], halfLife: number): Float32Array | undefined => {
  if (!(halfLife > 0) || cells.length === 0) return undefined;
  let newest = 0;
  for (const c of cells) if (c.month > newest) newest = c.month;
  return Float32Array.from(cells, (c) => 2 ** (-(newest - c.month) / halfLife));
};

const trainOn = (
  matrix: { features: Float32Array; nCols: number },
  labels: ArrayLike<number>,
  objective: string,
  o: Required<ForecastModelOptions>,
  cells?: readonly Cell[],
): xgb.XgbModel => {
  const { features, nCols } = matrix;
  const weights = cells ? recencyWeights(cells, o.recencyHalfLifeMonths) : undefined;
  return xgb.train({
    ...(weights ? { weights } : {}),
    features,
    nRows: features.length / nCols,
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

type ResidualSets = Pick<HorizonModel, "residuals" | "residualEdges" | "residualBins">;

/** Sorted residual quantiles, overall and per bin of equal count along the predictions. */
const residualSets = (
  predicted: ArrayLike<number>,
  residuals: ArrayLike<number>,
  o: Required<ForecastModelOptions>,
): ResidualSets => {
  const n = residuals.length;
  if (n === 0) return { residuals: new Float64Array([0]) };
  const all = Float64Array.from(residuals).sort();
  const out: ResidualSets = { residuals: evenQuantiles(all, o.residualQuantiles) };
  const k = Math.min(o.residualBins, Math.floor(n / 100));
  if (k < 2) return out;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (predicted[a] as number) - (predicted[b] as number),
  );
  out.residualEdges = [];
  out.residualBins = [];
  for (let b = 0; b < k; b++) {
    const from = Math.floor((b * n) / k);
    const to = Math.floor(((b + 1) * n) / k);
    const slice = Float64Array.from(order.slice(from, to), (i) => residuals[i] as number).sort();
    out.residualBins.push(evenQuantiles(slice, o.residualQuantiles));
    if (b < k - 1) out.residualEdges.push(predicted[order[to - 1] as number] as number);
  }
  return out;
};

/** The residual set for a country whose size model predicts `shift`. */
export const residualsFor = (m: HorizonModel, shift: number): Float64Array => {
  if (!m.residualEdges || !m.residualBins) return m.residuals;
  let b = 0;
  while (b < m.residualEdges.length && shift > (m.residualEdges[b] as number)) b++;
  return m.residualBins[b] ?? m.residuals;
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
): ResidualSets => {
  const early: number[] = [];
  const late: number[] = [];
  cells.forEach((c, i) => {
    (c.month < cutoff ? early : late).push(i);
  });
  if (early.length < 50 || late.length < 20) return { residuals: new Float64Array([0]) };
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
    return residualSets(predicted, residuals, o);
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
    extended: o.extendedFeatures,
    ...featureOptions,
    ...(input.countryYear ? { countryYear: input.countryYear } : {}),
    ...(input.capitals ? { capitals: input.capitals } : {}),
  });
  if (o.stacked) return trainStacked(origin, panel, grid, o);
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
      horizons.push({ horizon: h, gt0, ge25, size, positiveMean, ...residuals, trainingRows: cells.length });
    }
  } catch (error) {
    for (const m of horizons) freeHorizon(m);
    throw error;
  }
  return { origin, panel, grid, featureNames: grid.names, horizons };
};

/** Rows of every horizon one after the other: the grid's features of the feature month, then the horizon. */
export const stackedMatrix = (
  grid: FeatureGrid,
  cells: readonly Cell[],
  horizons: ArrayLike<number>,
): { features: Float32Array; nCols: number } => {
  const nF = grid.nFeatures;
  const nCols = nF + 1;
  const features = new Float32Array(cells.length * nCols);
  cells.forEach((cell, i) => {
    const from = (cell.unit * grid.nMonths + cell.month) * nF;
    features.set(grid.values.subarray(from, from + nF), i * nCols);
    features[i * nCols + nF] = horizons[i] as number;
  });
  return { features, nCols };
};

const pick = <T>(xs: ArrayLike<T>, at: readonly number[]): T[] => at.map((i) => xs[i] as T);

const trainStacked = (
  origin: MonthKey,
  panel: DensePanel,
  grid: FeatureGrid,
  o: Required<ForecastModelOptions>,
): TrainedForecastModel => {
  const cells: Cell[] = [];
  const horizonOf: number[] = [];
  const labels: number[] = [];
  for (let h = 1; h <= o.maxHorizon; h++) {
    const one = labelledCells(panel, h, o.minHistoryMonths);
    if (one.cells.length === 0) throw new Error(`no training rows for horizon ${h} before ${origin}`);
    for (let i = 0; i < one.cells.length; i++) {
      cells.push(one.cells[i] as Cell);
      horizonOf.push(h);
      labels.push(one.labels[i] as number);
    }
  }
  const all = stackedMatrix(grid, cells, horizonOf);
  const positive: number[] = [];
  labels.forEach((y, i) => {
    if (y > 0) positive.push(i);
  });
  const positiveCells = pick(cells, positive);
  const positiveHorizons = pick(horizonOf, positive);
  const positiveMatrix = stackedMatrix(grid, positiveCells, positiveHorizons);
  const logLabels = Float64Array.from(positive, (i) => Math.log1p(labels[i] as number));
  const models: xgb.XgbModel[] = [];
  const keep = (m: xgb.XgbModel): xgb.XgbModel => {
    models.push(m);
    return m;
  };
  try {
    const gt0 = keep(
      trainOn(
        all,
        Float32Array.from(labels, (y) => (y > 0 ? 1 : 0)),
        "binary:logistic",
        o,
        cells,
      ),
    );
    const ge25 = keep(
      trainOn(
        all,
        Float32Array.from(labels, (y) => (y >= 25 ? 1 : 0)),
        "binary:logistic",
        o,
        cells,
      ),
    );
    const size = keep(trainOn(positiveMatrix, logLabels, "reg:squarederror", o, positiveCells));
    const positiveMean = keep(
      trainOn(positiveMatrix, pick(labels, positive), "count:poisson", o, positiveCells),
    );
    const cutoff = panel.nMonths - 1 - o.residualHoldoutMonths;
    let calibration: HorizonModel["calibration"];
    if (o.calibration !== "none") {
      const early: number[] = [];
      const late: number[] = [];
      cells.forEach((c, k) => {
        (c.month + (horizonOf[k] as number) < cutoff ? early : late).push(k);
      });
      const earlyMatrix = stackedMatrix(grid, pick(cells, early), pick(horizonOf, early));
      const lateFeatures = stackedMatrix(grid, pick(cells, late), pick(horizonOf, late)).features;
      const lateLabels = pick(labels, late);
      const calibratorAt = (threshold: number): ProbabilityCalibrator => {
        const model = trainOn(
          earlyMatrix,
          Float32Array.from(early, (k) => ((labels[k] as number) >= threshold ? 1 : 0)),
          "binary:logistic",
          o,
          pick(cells, early),
        );
        try {
          const predicted = xgb.predict(model, lateFeatures);
          return fitCalibrator(
            o.calibration === "isotonic" ? "isotonic" : "platt",
            predicted,
            lateLabels.map((y) => (y >= threshold ? 1 : 0)),
          );
        } finally {
          xgb.free(model);
        }
      };
      if (early.length > 0 && late.length > 0) calibration = { gt0: calibratorAt(1), ge25: calibratorAt(25) };
    }
    // Honest residuals: fit on outcomes before the hold-out period, predict outcomes inside it.
    const early: number[] = [];
    const late: number[] = [];
    positiveCells.forEach((c, k) => {
      (c.month + (positiveHorizons[k] as number) < cutoff ? early : late).push(k);
    });
    const residualsByHorizon = Array.from({ length: o.maxHorizon }, () => [] as number[]);
    const predictedByHorizon = Array.from({ length: o.maxHorizon }, () => [] as number[]);
    if (early.length >= 50 && late.length >= 20) {
      const model = trainOn(
        stackedMatrix(grid, pick(positiveCells, early), pick(positiveHorizons, early)),
        pick(logLabels, early),
        "reg:squarederror",
        o,
        pick(positiveCells, early),
      );
      try {
        const predicted = xgb.predict(
          model,
          stackedMatrix(grid, pick(positiveCells, late), pick(positiveHorizons, late)).features,
        );
        late.forEach((k, j) => {
          const h = (positiveHorizons[k] as number) - 1;
          residualsByHorizon[h]?.push((logLabels[k] as number) - (predicted[j] as number));
          predictedByHorizon[h]?.push(predicted[j] as number);
        });
      } finally {
        xgb.free(model);
      }
    }
    const counts = Array.from({ length: o.maxHorizon }, (_, h) =>
      labels.reduce((n, _y, i) => (horizonOf[i] === h + 1 ? n + 1 : n), 0),
    );
    const horizons: HorizonModel[] = residualsByHorizon.map((r, i) => ({
      horizon: i + 1,
      gt0,
      ge25,
      size,
      positiveMean,
      ...residualSets(predictedByHorizon[i] ?? [], r, o),
      ...(calibration ? { calibration } : {}),
      trainingRows: counts[i] as number,
    }));
    return { origin, panel, grid, featureNames: [...grid.names, "horizon"], horizons, horizonFeature: true };
  } catch (error) {
    for (const m of models) xgb.free(m);
    throw error;
  }
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
