import { z } from "zod";
import { invalid } from "./errors.ts";

/**
 * The years a month or a day may name. PostgreSQL has no year 0 and month arithmetic must stay within what
 * the database and `Date` accept, so a well-formed but absurd value is refused as input, naming its field.
 */
const firstYear = 1900;
const lastYear = 2199;
const withinYears = (value: string): boolean => {
  const year = Number(value.slice(0, 4));
  return year >= firstYear && year <= lastYear;
};
/** The year check, only once the shape is right: a malformed value is named once, not twice. */
const inYears = (message: string) => ({
  message,
  when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0,
});

/** Every month a query may name: asking over it asks for all time. */
export const allMonths = { from: `${firstYear}-01`, to: `${lastYear}-12` } as const;

export const monthExpected = `a month as YYYY-MM, from ${firstYear}-01 to ${lastYear}-12`;
const dayExpected = `a date as YYYY-MM-DD, from ${firstYear}-01-01 to ${lastYear}-12-31`;

/** A calendar month, YYYY-MM. */
export const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, monthExpected)
  .refine(withinYears, inYears(monthExpected));

/** A calendar day that exists, YYYY-MM-DD. */
export const ZDay = z.iso.date(dayExpected).refine(withinYears, inYears(dayExpected));

/** A day (YYYY-MM-DD) or an instant with its offset, within the same years. */
export const ZDayOrInstant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: "a day (YYYY-MM-DD) or a time with its offset (2026-01-31T12:00:00Z)",
  })
  .refine(withinYears, inYears(`a day or time from ${firstYear} to ${lastYear}`));

/** A span ending before it starts would select nothing without saying why: refused, naming `to`. */
export const assertSpan = (from: string | undefined, to: string | undefined): void => {
  if (from && to && to < from)
    throw invalid("The span is empty.", [{ field: "to", message: "must not be before from" }]);
};
