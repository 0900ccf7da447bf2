/**
 * The surge rule: verified reports in a country this month against the mean of the months before.
 * A surge needs at least `minimum` reports (small numbers say little) and `ratio` times the baseline
 * (a baseline under one report a month counts as one).
 */
export type SurgeRule = { minimum: number; ratio: number; baselineMonths: number };

export const DEFAULT_SURGE_RULE: SurgeRule = { minimum: 5, ratio: 2, baselineMonths: 6 };

export type SurgeFinding = {
  surge: boolean;
  count: number;
  baseline: number;
  ratio: number;
  severity: "low" | "medium" | "high";
};

export const evaluateSurge = (
  count: number,
  previousMonths: readonly number[],
  rule: SurgeRule = DEFAULT_SURGE_RULE,
): SurgeFinding => {
  const months = previousMonths.slice(-rule.baselineMonths);
  const baseline = months.length ? months.reduce((a, b) => a + b, 0) / months.length : 0;
  const ratio = count / Math.max(baseline, 1);
  const surge = count >= rule.minimum && ratio >= rule.ratio;
  const severity = ratio >= rule.ratio * 2.5 ? "high" : ratio >= rule.ratio * 1.5 ? "medium" : "low";
  return { surge, count, baseline, ratio, severity };
};
