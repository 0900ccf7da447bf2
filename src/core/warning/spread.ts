import type { DensePanel } from "./panel.ts";
import type { Cell } from "./targets.ts";

/**
 * How far a country's deaths swing month to month: the standard deviation of log1p(deaths) over the `window`
 * months up to and including the cell's month (a new state's months before independence are its
 * predecessor's; with none, they are left out).
 * A war that has run at a thousand deaths a month for a year is far more predictable than an insurgency that
 * flares and stops, and the spread of its forecast should say so.
 */
export const recentVolatility = (panel: DensePanel, cell: Cell, window = 12): number => {
  const base = cell.unit * panel.nMonths;
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let m = Math.max(0, cell.month - window + 1); m <= cell.month; m++) {
    const v = panel.history[base + m] as number;
    if (Number.isNaN(v)) continue;
    const x = Math.log1p(v);
    n++;
    sum += x;
    sumSq += x * x;
  }
  if (n < 2) return 0;
  const mean = sum / n;
  return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
};

/** The forecast error's scale as a straight line in recent volatility. */
export type SpreadModel = { intercept: number; slope: number };

const minimumIntercept = 0.05;

/**
 * Least-squares line of |residual| on volatility: for a location-scale family E|r| is proportional to the
 * scale, so the line gives each country's scale up to a constant that the standardised residuals absorb.
 * The slope is kept non-negative and the intercept positive, so the scale never vanishes.
 */
export const fitSpread = (volatility: ArrayLike<number>, residuals: ArrayLike<number>): SpreadModel => {
  const n = residuals.length;
  let sv = 0;
  let sr = 0;
  for (let i = 0; i < n; i++) {
    sv += volatility[i] as number;
    sr += Math.abs(residuals[i] as number);
  }
  if (n === 0) return { intercept: 1, slope: 0 };
  const mv = sv / n;
  const mr = sr / n;
  let cov = 0;
  let varV = 0;
  for (let i = 0; i < n; i++) {
    const dv = (volatility[i] as number) - mv;
    cov += dv * (Math.abs(residuals[i] as number) - mr);
    varV += dv * dv;
  }
  const slope = varV > 0 ? Math.max(0, cov / varV) : 0;
  const intercept = Math.max(minimumIntercept, mr - slope * mv);
  return { intercept, slope };
};

export const spreadAt = (model: SpreadModel, volatility: number): number =>
  model.intercept + model.slope * volatility;

/** log1p of the mean deaths over the `window` months up to the cell's month: where persistence would put it. */
export const recentLevel = (panel: DensePanel, cell: Cell, window = 3): number => {
  const base = cell.unit * panel.nMonths;
  let n = 0;
  let sum = 0;
  for (let m = Math.max(0, cell.month - window + 1); m <= cell.month; m++) {
    const v = panel.history[base + m] as number;
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  return n === 0 ? 0 : Math.log1p(sum / n);
};
