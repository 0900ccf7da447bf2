/** The ISO date `days` after `date` (negative: before). */
export const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * What is wrong with a report's date (YYYY-MM-DD) seen from `today`, or null. A day of slack for time zones;
 * reports warn of what is happening, so an event more than ten years ago is a typing slip or history.
 */
export const reportDateProblem = (date: string, today: string): string | null => {
  if (date > shiftDays(today, 1)) return "the date is in the future";
  if (date < shiftDays(today, -3653)) return "the date is more than ten years ago";
  return null;
};
