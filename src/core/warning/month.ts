/** Months as integers (year × 12 + month − 1) so windows and horizons are plain arithmetic. */
export type MonthKey = string;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

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
