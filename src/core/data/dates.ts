import { ZMonth } from "../shared/calendar.schemas.ts";
import { addMonths } from "../shared/months.ts";

/** Dates as ISO strings (YYYY-MM-DD) and months as YYYY-MM; no clock, no time zones. */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : (DAYS[month - 1] ?? 0);

/** The value of two or four ASCII digits at `at`, or -1 (the plain YYYY-MM-DD form is most of every file). */
const digits = (text: string, at: number, count: number): number => {
  let n = 0;
  for (let i = at; i < at + count; i += 1) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

const build = (year: number, month: number, day: number): string | null =>
  year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    ? `${year}-${pad(month)}-${pad(day)}`
    : null;

/**
 * Parses an ISO date, `2019-12-31`, with or without a time (`2019-12-31 00:00:00`, `2019-12-31T00:00:00Z`;
 * dropped), and returns YYYY-MM-DD, or null when the text is not one or not a real calendar date. UCDP's
 * files use only this form: a day-first date there means the file went through a spreadsheet, and
 * 05/06/2013 could be read either way.
 */
export const parseIsoDate = (text: string): string | null => {
  const value = text.trim();
  if (value.length === 10 && value[4] === "-" && value[7] === "-") {
    const year = digits(value, 0, 4);
    const month = digits(value, 5, 2);
    const day = digits(value, 8, 2);
    if (year >= 0 && month >= 0 && day >= 0) return build(year, month, day);
  }
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value,
    );
  return m ? build(Number(m[1]), Number(m[2]), Number(m[3])) : null;
};

/**
 * Parses the ISO forms and those ACLED and HXL files use: `31-12-2019` / `31/12/2019` (day first, as in
 * ACLED's codebook) and `31 December 2019` (ACLED exports).
 */
export const parseDate = (text: string): string | null => {
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const value = text.trim();
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[ -]([A-Za-z]+)[ -,]+(\d{4})$/.exec(value);
  if (m) {
    const month = MONTHS[(m[2] ?? "").toLowerCase()];
    return month ? build(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
};

/** Parses YYYY-MM; null when not a month. */
export const parseMonth = (text: string): string | null => {
  const month = ZMonth.safeParse(text.trim());
  return month.success ? month.data : null;
};

/** ViEWS month_id: 1 = 1980-01, so 121 = 1990-01 and 480 = 2019-12. */
export const monthFromViewsId = (monthId: number): string => addMonths("1980-01", monthId - 1);
