import type { ReportChannel } from "./report.schemas.ts";

/** The ISO date `days` after `date` (negative: before). */
export const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Channels that bring in records kept elsewhere (survey rounds, incident feeds), often years after the events. */
const importedChannels: readonly ReportChannel[] = ["kobo", "ushahidi", "feed"];

/** Imported records may be old, but not older than the conflict data they are read beside. */
const earliestImportedDate = "1989-01-01";

/**
 * What is wrong with a report's date (YYYY-MM-DD) seen from `today`, or null. A day of slack for time zones.
 * People report what is happening, so on the web, the API and SMS an event more than ten years ago is a typing
 * slip or history; imports carry archives and are held only to the start of the conflict data.
 */
export const reportDateProblem = (date: string, today: string, channel: ReportChannel): string | null => {
  if (date > shiftDays(today, 1)) return "the date is in the future";
  if (importedChannels.includes(channel))
    return date < earliestImportedDate ? `the date is before ${earliestImportedDate.slice(0, 4)}` : null;
  if (date < shiftDays(today, -3653)) return "the date is more than ten years ago";
  return null;
};
