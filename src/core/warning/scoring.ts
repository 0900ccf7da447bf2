/**
 * Forecast scores. Probabilities are scored against 0/1 outcomes; counts on the log1p scale, as ViEWS does,
 * so a miss of 10 against 1,000 weighs like a miss of 1 against 100, not a million times more.
 */
type Numbers = ArrayLike<number>;

const checkLengths = (a: Numbers, b: Numbers): number => {
  if (a.length !== b.length) throw new Error(`length mismatch: ${a.length} vs ${b.length}`);
  return a.length;
};

/** ROC AUC via the Mann–Whitney rank statistic, ties sharing the average rank; NaN if one class is empty. */
export const rocAuc = (outcomes: Numbers, scores: Numbers): number => {
  const n = checkLengths(outcomes, scores);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  let rankSumPositive = 0;
  let positives = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1] as number] === scores[order[i] as number]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if ((outcomes[order[k] as number] as number) > 0) {
        rankSumPositive += averageRank;
        positives++;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
};

/** Average precision: Σ (recall_k − recall_{k−1}) · precision_k over distinct score thresholds, high to low. */
export const averagePrecision = (outcomes: Numbers, scores: Numbers): number => {
  const n = checkLengths(outcomes, scores);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number),
  );
  let totalPositives = 0;
  for (let i = 0; i < n; i++) if ((outcomes[i] as number) > 0) totalPositives++;
  if (totalPositives === 0) return Number.NaN;
  let tp = 0;
  let seen = 0;
  let ap = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1] as number] === scores[order[i] as number]) j++;
    let newTp = 0;
    for (let k = i; k <= j; k++) if ((outcomes[order[k] as number] as number) > 0) newTp++;
    tp += newTp;
    seen += j - i + 1;
    ap += (newTp / totalPositives) * (tp / seen);
    i = j + 1;
  }
  return ap;
};

export const brier = (outcomes: Numbers, probabilities: Numbers): number => {
  const n = checkLengths(outcomes, probabilities);
  let s = 0;
  for (let i = 0; i < n; i++) s += ((probabilities[i] as number) - (outcomes[i] as number)) ** 2;
  return s / n;
};

/** Probabilities are clipped to [ε, 1 − ε] so one overconfident 0/1 forecast costs a lot, not infinity. */
export const logLoss = (outcomes: Numbers, probabilities: Numbers, epsilon = 1e-6): number => {
  const n = checkLengths(outcomes, probabilities);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - epsilon, Math.max(epsilon, probabilities[i] as number));
    s -= (outcomes[i] as number) > 0 ? Math.log(p) : Math.log(1 - p);
  }
  return s / n;
};

export type ReliabilityBin = {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
};

/** Equal-width probability bins; empty bins are left out. The last bin includes p = 1. */
export const reliabilityBins = (outcomes: Numbers, probabilities: Numbers, nBins = 10): ReliabilityBin[] => {
  const n = checkLengths(outcomes, probabilities);
  const count = new Array<number>(nBins).fill(0);
  const sumP = new Array<number>(nBins).fill(0);
  const sumY = new Array<number>(nBins).fill(0);
  for (let i = 0; i < n; i++) {
    const p = probabilities[i] as number;
    const b = Math.min(nBins - 1, Math.max(0, Math.floor(p * nBins)));
    count[b] = (count[b] as number) + 1;
    sumP[b] = (sumP[b] as number) + p;
    sumY[b] = (sumY[b] as number) + ((outcomes[i] as number) > 0 ? 1 : 0);
  }
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b < nBins; b++) {
    const c = count[b] as number;
    if (c === 0) continue;
    bins.push({
      lower: b / nBins,
      upper: (b + 1) / nBins,
      count: c,
      meanPredicted: (sumP[b] as number) / c,
      observedRate: (sumY[b] as number) / c,
    });
  }
  return bins;
};

/** Mean squared error between log1p(observed counts) and point forecasts already on the log1p scale. */
export const mseLog1p = (observed: Numbers, predictedLog1p: Numbers): number => {
  const n = checkLengths(observed, predictedLog1p);
  let s = 0;
  for (let i = 0; i < n; i++) s += ((predictedLog1p[i] as number) - Math.log1p(observed[i] as number)) ** 2;
  return s / n;
};

/** Pinball loss of a τ-quantile forecast (counts), both sides taken on the log1p scale. */
export const pinballLog1p = (observed: Numbers, quantileForecast: Numbers, tau: number): number => {
  const n = checkLengths(observed, quantileForecast);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const diff = Math.log1p(observed[i] as number) - Math.log1p(quantileForecast[i] as number);
    s += diff >= 0 ? tau * diff : (tau - 1) * diff;
  }
  return s / n;
};

/** Share of observations inside [lower, upper], both ends included. */
export const intervalCoverage = (observed: Numbers, lower: Numbers, upper: Numbers): number => {
  const n = checkLengths(observed, lower);
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const y = observed[i] as number;
    if (y >= (lower[i] as number) && y <= (upper[i] as number)) inside++;
  }
  return inside / n;
};

/**
 * Expected coverage of the central interval under the randomised PIT: the observation's PIT is uniform on
 * [P(Y < y), P(Y ≤ y)], and we count the share of that range inside [α, 1 − α]. For counts with many zeros
 * the plain [q10, q90] interval over-covers by construction (an atom at zero is either all in or all out);
 * this version equals the nominal level exactly when the forecast distribution is calibrated.
 */
export const randomisedPitCoverage = (pitLower: Numbers, pitUpper: Numbers, alpha = 0.1): number => {
  const n = checkLengths(pitLower, pitUpper);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const lo = pitLower[i] as number;
    const hi = pitUpper[i] as number;
    if (hi - lo < 1e-12) {
      s += lo >= alpha && lo <= 1 - alpha ? 1 : 0;
      continue;
    }
    const overlap = Math.max(0, Math.min(hi, 1 - alpha) - Math.max(lo, alpha));
    s += overlap / (hi - lo);
  }
  return s / n;
};

/** Total predicted over total observed fatalities: 1 means no aggregate bias. */
export const meanRatio = (observed: Numbers, predictedMean: Numbers): number => {
  const n = checkLengths(observed, predictedMean);
  let o = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    o += observed[i] as number;
    p += predictedMean[i] as number;
  }
  return o === 0 ? Number.NaN : p / o;
};
