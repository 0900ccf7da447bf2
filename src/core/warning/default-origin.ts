import type { MonthKey } from "./month.ts";

/**
 * The month to forecast from when none is given: the latest month in which nearly every country has data.
 * A newer file covering only a few countries (an event extract) must not shrink the forecast to those few.
 */
export const defaultOrigin = (
  coverage: readonly { month: MonthKey; countries: number }[],
  share = 0.9,
): MonthKey | null => {
  const widest = Math.max(0, ...coverage.map((c) => c.countries));
  const latest = [...coverage]
    .sort((a, b) => b.month.localeCompare(a.month))
    .find((c) => c.countries >= share * widest);
  return latest?.month ?? null;
};
