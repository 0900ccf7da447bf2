import { type MonthKey, monthsBetween } from "../../../../src/core/shared/months.ts";

/** Beyond this many months a month is not "now": the reader is told so. */
const STALE_AFTER_MONTHS = 3;

/**
 * Why a published run is not today's forecast, told apart: a run from an older origin than the data held (a new
 * run brings it forward) and data that are themselves old (only newer data bring it to today); it can be both.
 */
export type Staleness = {
  /** The data held run past the origin, to this month: a new run would start there. */
  dataRunTo: MonthKey | null;
  /** How many months before today the data held end, when they are old. */
  dataAge: number | null;
};

/** How stale a run from `origin` is, given where the data held let a run start; null when it is today's. */
export const stalenessOf = (
  origin: MonthKey,
  latestOrigin: MonthKey,
  thisMonth: MonthKey,
): Staleness | null => {
  const dataEnd = latestOrigin > origin ? latestOrigin : origin;
  const age = monthsBetween(dataEnd, thisMonth);
  const staleness = {
    dataRunTo: dataEnd > origin ? dataEnd : null,
    dataAge: age > STALE_AFTER_MONTHS ? age : null,
  };
  return staleness.dataRunTo === null && staleness.dataAge === null ? null : staleness;
};
