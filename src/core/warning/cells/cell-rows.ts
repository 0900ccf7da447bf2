import { addMonths, type MonthKey } from "../../shared/months.ts";
import { type CellFeatureGrid, cellFeatureCount, writeCellFeatures } from "./cell-features.ts";

export type CellRowOptions = {
  maxHorizon: number;
  /** Only the most recent feature months train the model: older conflicts had other front lines. */
  trainMonths: number;
  /** Feature months need this much history before them to train. */
  minHistoryMonths: number;
};

export const cellRowDefaults: CellRowOptions = { maxHorizon: 12, trainMonths: 120, minHistoryMonths: 12 };

export type CellTrainingRows = { features: Float32Array; labels: Float32Array; nRows: number };

/**
 * One row per forecast cell, feature month and horizon (pooled, the horizon a feature), labelled 1 when the
 * cell had at least one state-based death h months later; only outcomes at or before the origin are used.
 */
export const cellTrainingRows = (grid: CellFeatureGrid, o: CellRowOptions): CellTrainingRows => {
  const { panel } = grid;
  const last = panel.nMonths - 1;
  const first = Math.max(o.minHistoryMonths, last - o.trainMonths);
  const keys: [number, number, number][] = [];
  for (const c of panel.forecastCells)
    for (let t = first; t < last; t++)
      for (let h = 1; h <= o.maxHorizon && t + h <= last; h++) keys.push([c, t, h]);
  const features = new Float32Array(keys.length * cellFeatureCount);
  const labels = new Float32Array(keys.length);
  keys.forEach(([c, t, h], row) => {
    writeCellFeatures(grid, c, t, h, features, row * cellFeatureCount);
    labels[row] = (panel.deaths[c * panel.nMonths + t + h] as number) > 0 ? 1 : 0;
  });
  return { features, labels, nRows: keys.length };
};

export type CellForecastKey = { cellIndex: number; priogridGid: number; horizon: number; month: MonthKey };

/** The rows to forecast: every forecast cell at the origin, 1..maxHorizon months ahead. */
export const cellForecastRows = (
  grid: CellFeatureGrid,
  maxHorizon: number,
): { features: Float32Array; keys: CellForecastKey[] } => {
  const { panel } = grid;
  const t = panel.nMonths - 1;
  const keys = panel.forecastCells.flatMap((c) =>
    Array.from({ length: maxHorizon }, (_, k) => ({
      cellIndex: c,
      priogridGid: panel.cells[c] as number,
      horizon: k + 1,
      month: addMonths(panel.origin, k + 1),
    })),
  );
  const features = new Float32Array(keys.length * cellFeatureCount);
  keys.forEach((key, row) => {
    writeCellFeatures(grid, key.cellIndex, t, key.horizon, features, row * cellFeatureCount);
  });
  return { features, keys };
};

/** The naive forecasts a cell model must beat, for a cell at the origin. */
export const cellBaselines = (grid: CellFeatureGrid, cellIndex: number, baseRate: number) => {
  const { panel } = grid;
  const t = panel.nMonths - 1;
  const at = (m: number) => (m >= 0 ? (panel.deaths[cellIndex * panel.nMonths + m] as number) : 0);
  let violent = 0;
  for (let m = t - 11; m <= t; m++) violent += at(m) > 0 ? 1 : 0;
  return { last12Share: violent / 12, noChange: at(t) > 0 ? 1 : 0, baseRate };
};

export const meanLabel = (labels: Float32Array): number =>
  labels.length === 0 ? 0 : labels.reduce((s, y) => s + y, 0) / labels.length;
