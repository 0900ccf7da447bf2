import type { MonthKey } from "./month.ts";

/**
 * The month to forecast from when none is given: the latest month in which nearly every country (98% of the
 * most in any recent month) has data. A newer file covering only some countries (an event extract, a partial
 * update) must not shrink the published forecast to those: a country left out vanishes from every page.
 */
export const defaultOrigin = (
  coverage: readonly { month: MonthKey; countries: number }[],
  share = 0.98,
): MonthKey | null => {
  const widest = Math.max(0, ...coverage.map((c) => c.countries));
  const latest = [...coverage]
    .sort((a, b) => b.month.localeCompare(a.month))
    .find((c) => c.countries >= share * widest);
  return latest?.month ?? null;
};
