import { addMonths, daysBetween, monthEnd, monthOf, monthStart } from "./dates.ts";

/**
 * Month attribution of events that span several months (date_start and date_end in different months).
 *
 * The rule used by every stored aggregation (country-month, PRIO-GRID-month) and by the `event-months`
 * export is **the month of date_start**: an event's fatalities count in full in the month it started.
 * This is what UCDP's own monthly aggregates and ViEWS do, so our series compare with theirs; it never
 * splits a death into fractions, and an event whose end date is later revised does not move.
 *
 * `splitAcrossMonths` is the documented alternative (fatalities shared in proportion to the days the
 * event spans in each month, largest-remainder rounding so the parts add up to the whole). It is offered
 * for analyses that want it; it is not used by the stored tables.
 */
export const EVENT_MONTH_RULE = "date_start" as const;

/** The month (YYYY-MM) an event is counted in under the platform's rule. */
export const eventMonth = (dateStart: string): string => monthOf(dateStart);

export type MonthShare = { month: string; value: number };

/** Shares an integer `value` across the months from `dateStart` to `dateEnd` in proportion to days. */
export const splitAcrossMonths = (dateStart: string, dateEnd: string, value: number): MonthShare[] => {
  if (dateEnd < dateStart) throw new RangeError(`date_end ${dateEnd} is before date_start ${dateStart}.`);
  const totalDays = daysBetween(dateStart, dateEnd) + 1;
  const parts: { month: string; exact: number }[] = [];
  for (let month = monthOf(dateStart); month <= monthOf(dateEnd); month = addMonths(month, 1)) {
    const from = month === monthOf(dateStart) ? dateStart : monthStart(month);
    const to = month === monthOf(dateEnd) ? dateEnd : monthEnd(month);
    parts.push({ month, exact: (value * (daysBetween(from, to) + 1)) / totalDays });
  }
  const floors = parts.map((p) => Math.floor(p.exact));
  let remainder = value - floors.reduce((a, b) => a + b, 0);
  const order = parts
    .map((p, i) => ({ i, frac: p.exact - Math.floor(p.exact) }))
    .sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (remainder <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    remainder -= 1;
  }
  return parts.map((p, i) => ({ month: p.month, value: floors[i] ?? 0 }));
};
