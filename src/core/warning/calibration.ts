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
