/**
 * Isotonic regression by pool-adjacent-violators: the monotone step function closest (weighted least squares)
 * to the observed 0/1 outcomes, used to recalibrate classifier probabilities on a held-out period.
 */
export type IsotonicCalibrator = { thresholds: Float64Array; values: Float64Array };

export const fitIsotonic = (scores: ArrayLike<number>, outcomes: ArrayLike<number>): IsotonicCalibrator => {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  // Blocks of pooled points: mean value, total weight, and the highest score they cover.
  const value: number[] = [];
  const weight: number[] = [];
  const upper: number[] = [];
  for (const i of order) {
    value.push(outcomes[i] as number);
    weight.push(1);
    upper.push(scores[i] as number);
    while (value.length > 1 && (value[value.length - 2] as number) >= (value[value.length - 1] as number)) {
      const v2 = value.pop() as number;
      const w2 = weight.pop() as number;
      const u2 = upper.pop() as number;
      const k = value.length - 1;
      const w1 = weight[k] as number;
      value[k] = ((value[k] as number) * w1 + v2 * w2) / (w1 + w2);
      weight[k] = w1 + w2;
      upper[k] = u2;
    }
  }
  return { thresholds: Float64Array.from(upper), values: Float64Array.from(value) };
};

/** Step-function lookup: the value of the first block whose upper score is at or above `score`. */
export const applyIsotonic = (calibrator: IsotonicCalibrator, score: number): number => {
  const { thresholds, values } = calibrator;
  const n = thresholds.length;
  if (n === 0) return score;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((thresholds[mid] as number) < score) lo = mid + 1;
    else hi = mid;
  }
  return values[lo] as number;
};

/** Logistic recalibration p' = σ(a + b · logit p), fitted by Newton's method on the log loss (Platt scaling). */
export type PlattCalibrator = { a: number; b: number };

const logit = (p: number): number => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

export const fitPlatt = (
  probabilities: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  iterations = 50,
): PlattCalibrator => {
  const n = probabilities.length;
  const x = Float64Array.from({ length: n }, (_, i) => logit(probabilities[i] as number));
  const loss = (a: number, b: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const z = a + b * (x[i] as number);
      // log(1 + e^z) − y·z, written to stay finite for large |z|.
      s +=
        (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) -
        ((outcomes[i] as number) > 0 ? z : 0);
    }
    return s / Math.max(1, n);
  };
  let a = 0;
  let b = 1;
  let current = loss(a, b);
  for (let it = 0; it < iterations; it++) {
    // Gradient and Hessian of the log loss in (a, b), with a tiny ridge so a separable sample stays finite.
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    for (let i = 0; i < n; i++) {
      const xi = x[i] as number;
      const p = 1 / (1 + Math.exp(-(a + b * xi)));
      const r = p - ((outcomes[i] as number) > 0 ? 1 : 0);
      const w = p * (1 - p);
      ga += r;
      gb += r * xi;
      haa += w;
      hab += w * xi;
      hbb += w * xi * xi;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    let da = (hbb * ga - hab * gb) / det;
    let db = (haa * gb - hab * ga) / det;
    // Newton steps overshoot far from the optimum: halve the step until the loss goes down.
    let next = loss(a - da, b - db);
    for (let k = 0; k < 30 && !(next <= current); k++) {
      da /= 2;
      db /= 2;
      next = loss(a - da, b - db);
    }
    if (!(next <= current)) break;
    a -= da;
    b -= db;
    const gain = current - next;
    current = next;
    if (gain < 1e-12) break;
  }
  return { a, b };
};

export const applyPlatt = (calibrator: PlattCalibrator, p: number): number =>
  1 / (1 + Math.exp(-(calibrator.a + calibrator.b * logit(p))));
