/** A calendar month, YYYY-MM. As an integer (year × 12 + month − 1), windows and horizons are plain arithmetic. */
export type MonthKey = string;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])(-\d{2})?$/;

/** The month's integer; a YYYY-MM-DD date gives its month's. */
export const monthIndex = (month: MonthKey): number => {
  const match = monthPattern.exec(month);
  if (!match) throw new Error(`month must be YYYY-MM, got "${month}"`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
};

export const monthKey = (index: number): MonthKey => {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
};

export const addMonths = (month: MonthKey, delta: number): MonthKey => monthKey(monthIndex(month) + delta);

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export const monthsBetween = (from: MonthKey, to: MonthKey): number => monthIndex(to) - monthIndex(from);

/** Every month from `from` to `to` inclusive; none when `to` is earlier. */
export const monthRange = (from: MonthKey, to: MonthKey): MonthKey[] =>
  Array.from({ length: Math.max(0, monthsBetween(from, to) + 1) }, (_, i) => addMonths(from, i));

/** The month of an instant, in UTC. */
/** The first day of a month, as dates of monthly rows are stored. */
export const firstDayOf = (month: MonthKey): string => `${month}-01`;

export const monthOfInstant = (at: Date): MonthKey => monthKey(at.getUTCFullYear() * 12 + at.getUTCMonth());

/** Adds whole months to a YYYY-MM-DD date, keeping the day within the target month. */
export const addMonthsToDate = (date: string, months: number): string => {
  const month = addMonths(date, months);
  const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(Math.min(Number(date.slice(8, 10)), lastDay)).padStart(2, "0")}`;
};
