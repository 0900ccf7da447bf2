import type { MonthKey } from "../shared/months.ts";

/** A month's coverage: countries with data, and those with data the month before but none now. */
export type MonthCoverage = { month: MonthKey; countries: number; leftOut: number };

/**
 * Whether a forecast from this month covers every country: none that had data the month before is missing
 * (a late delivery for three countries would drop them from every published page).
 */
export const isCompleteMonth = (coverage: MonthCoverage): boolean => coverage.leftOut === 0;

/**
 * Whether a month has data for nearly every country (98% of the most in any recent month): an origin with
 * fewer, such as a month an event extract alone reaches, would forecast those few countries only.
 */
export const isNearlyFull = (coverage: MonthCoverage, all: readonly MonthCoverage[], share = 0.98): boolean =>
  coverage.countries >= share * Math.max(0, ...all.map((c) => c.countries));

/** The month to forecast from when none is given: the latest one nearly full and complete. */
export const defaultOrigin = (coverage: readonly MonthCoverage[]): MonthKey | null =>
  [...coverage]
    .sort((a, b) => b.month.localeCompare(a.month))
    .find((c) => isNearlyFull(c, coverage) && isCompleteMonth(c))?.month ?? null;
