/**
 * A predictive distribution of monthly fatalities as a hurdle: an atom at zero with probability `p0`, and for
 * the positive part a sorted sample on the log1p scale (shifted by `shift`, never below one death). One shape
 * serves the model (shift = predicted conditional mean, sample = out-of-sample residuals, continuous) and the
 * naive baselines (shift = 0, sample = past observed months, atoms), so all are scored the same way.
 */
export type FatalityDistribution = {
  p0: number;
  /** Sorted ascending, log1p scale; empty when p0 = 1. */
  sample: Float64Array;
  shift: number;
  /** Atoms (empirical baselines) or a continuous positive part (model). */
  continuous: boolean;
  /**
   * The largest value on the log1p scale the positive part may reach. A residual from the far tail times a
   * volatile country's spread would otherwise put mass on millions of deaths in a month.
   */
  ceiling?: number;
};

const oneDeath = Math.log1p(1);

const positiveAt = (d: FatalityDistribution, i: number): number =>
  Math.min(d.ceiling ?? Number.POSITIVE_INFINITY, Math.max(oneDeath, (d.sample[i] as number) + d.shift));

/** Sorted log1p sample of a list of counts, and the share of zeros: an empirical baseline distribution. */
export const empiricalDistribution = (counts: ArrayLike<number>): FatalityDistribution => {
  const positives: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] as number;
    if (c > 0) positives.push(Math.log1p(c));
  }
  positives.sort((a, b) => a - b);
  const p0 = counts.length === 0 ? 1 : 1 - positives.length / counts.length;
  return { p0, sample: Float64Array.from(positives), shift: 0, continuous: false };
};

/** The τ-quantile of fatalities (not log), as the smallest y with P(Y ≤ y) ≥ τ. */
export const quantile = (d: FatalityDistribution, tau: number): number => {
  const n = d.sample.length;
  if (tau <= d.p0 || n === 0) return 0;
  const r = (tau - d.p0) / (1 - d.p0);
  if (!d.continuous) return Math.expm1(positiveAt(d, Math.min(n - 1, Math.max(0, Math.ceil(r * n) - 1))));
  const pos = r * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  const v = positiveAt(d, lo) + (pos - lo) * (positiveAt(d, hi) - positiveAt(d, lo));
  return Math.expm1(v);
};

/** Share of the positive sample at or below (or strictly below) a log1p value; binary search on the sorted sample. */
const positiveShare = (d: FatalityDistribution, logValue: number, strict: boolean): number => {
  const n = d.sample.length;
  if (n === 0) return 1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = positiveAt(d, mid);
    if (strict ? v < logValue : v <= logValue) lo = mid + 1;
    else hi = mid;
  }
  return lo / n;
};

/** P(Y ≤ y). */
export const cdf = (d: FatalityDistribution, y: number): number =>
  y < 0 ? 0 : y === 0 ? d.p0 : d.p0 + (1 - d.p0) * positiveShare(d, Math.log1p(y) + 1e-12, false);

/** P(Y < y): with `cdf`, the interval a randomised PIT value of the observation is drawn from. */
export const cdfBelow = (d: FatalityDistribution, y: number): number =>
  y <= 0 ? 0 : d.p0 + (1 - d.p0) * positiveShare(d, Math.log1p(y) - 1e-12, true);

export const mean = (d: FatalityDistribution): number => {
  const n = d.sample.length;
  if (n === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.expm1(positiveAt(d, i));
  return (1 - d.p0) * (s / n);
};

/** E[log1p Y]: the point forecast that minimises MSE on log1p, the ViEWS headline score. */
export const meanLog1p = (d: FatalityDistribution): number => {
  const n = d.sample.length;
  if (n === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += positiveAt(d, i);
  return (1 - d.p0) * (s / n);
};

/** P(Y ≥ k) for k ≥ 1. */
export const exceedance = (d: FatalityDistribution, k: number): number => 1 - cdfBelow(d, k);

/**
 * Continuous ranked probability score of an observed count, on the count scale (`log1p: false`) or on the
 * log1p scale: E|X − y| − ½ E|X − X'|, exact for the atoms the distribution is made of (the atom at zero and the
 * positive sample points; a continuous positive part is scored at its sample points, which are evenly spaced
 * quantiles). Lower is better; for a point mass it is the absolute error.
 */
export const crps = (d: FatalityDistribution, y: number, log1p = false): number => {
  const n = d.sample.length;
  const target = log1p ? Math.log1p(y) : y;
  if (n === 0 || d.p0 >= 1) return Math.abs(target);
  const w = (1 - d.p0) / n;
  // The atom at zero comes first; positive points are sorted ascending and at least one death.
  let expectedError = d.p0 * Math.abs(target);
  let spread = 0;
  let below = d.p0;
  for (let i = 0; i < n; i++) {
    const lx = positiveAt(d, i);
    const x = log1p ? lx : Math.expm1(lx);
    expectedError += w * Math.abs(x - target);
    // Σ_i w_i x_i (C_{i−1} + C_i − 1), C the cumulative weight: half of E|X − X'| (the zero atom adds nothing).
    spread += w * x * (below + below + w - 1);
    below += w;
  }
  return expectedError - spread;
};
