import { parseIsoDate } from "../dates.ts";
import type { ErrorCollector } from "./error-collector.ts";
import { checkHeader } from "./header.ts";

/** Row-level field readers that report a named error and return null on failure. */
export const fieldReader = (errors: ErrorCollector, index: Map<string, number>, width: number) => {
  let cells: string[] = [];
  let line = 0;
  let problemsInRow = 0;
  const fail = (column: string, value: string, reason: string) => {
    errors.add({ line, column, value, reason });
    problemsInRow += 1;
    return null;
  };
  const text = (column: string): string => {
    const i = index.get(column);
    if (i === undefined) return "";
    const value = cells[i];
    return value === undefined ? "" : value.trim();
  };
  return {
    /** Starts a row; false (with an error) when it has the wrong number of fields. */
    start(row: string[], rowLine: number): boolean {
      cells = row;
      line = rowLine;
      problemsInRow = 0;
      if (row.length !== width) {
        fail("(row)", `${row.length} fields`, `expected ${width} fields as in the header`);
        return false;
      }
      return true;
    },
    fail,
    /** Whether any field of the row started last was refused. */
    rowFailed: () => problemsInRow > 0,
    text,
    optionalText: (column: string): string | null => text(column) || null,
    requiredText(column: string): string | null {
      const value = text(column);
      return value ? value : fail(column, value, "required value is empty");
    },
    /** A non-negative integer (GED writes some as 12.0). */
    count(column: string, required = true): number | null {
      const value = text(column);
      if (value === "") return required ? fail(column, value, "required value is empty") : null;
      const n = Number(value);
      if (!Number.isFinite(n) || !Number.isInteger(n)) return fail(column, value, "not a whole number");
      if (n < 0) return fail(column, value, "negative value (fatalities and counts cannot be below zero)");
      return n;
    },
    integer(column: string, required = true): number | null {
      const value = text(column);
      if (value === "") return required ? fail(column, value, "required value is empty") : null;
      const n = Number(value);
      return Number.isInteger(n) ? n : fail(column, value, "not a whole number");
    },
    number(column: string, required = true): number | null {
      const value = text(column);
      if (value === "" || value === "NA")
        return required ? fail(column, value, "required value is empty") : null;
      const n = Number(value);
      return Number.isFinite(n) ? n : fail(column, value, "not a number");
    },
    /** An ISO date (YYYY-MM-DD). */
    date(column: string, required = true): string | null {
      const value = text(column);
      if (value === "") return required ? fail(column, value, "required value is empty") : null;
      return parseIsoDate(value) ?? fail(column, value, "unparseable date (expected YYYY-MM-DD)");
    },
    /** A year between `earliest` and 2200: anything else is a typo or a different calendar. */
    year(column: string, earliest = 1800): number | null {
      const value = text(column);
      if (value === "") return fail(column, value, "required value is empty");
      const n = Number(value);
      if (!Number.isInteger(n)) return fail(column, value, "not a whole number");
      return n >= earliest && n <= 2200 ? n : fail(column, value, "not a plausible year");
    },
    oneOf(column: string, allowed: readonly number[], required = true): number | null {
      const value = text(column);
      if (value === "") return required ? fail(column, value, "required value is empty") : null;
      const n = Number(value);
      return allowed.includes(n) ? n : fail(column, value, `must be one of ${allowed.join(", ")}`);
    },
    get line() {
      return line;
    },
  };
};
export type FieldReader = ReturnType<typeof fieldReader>;

/**
 * For a file whose header is its first line: checks the header, then hands back the reader started on each
 * later record, or null (the header line itself, a refused header, a row with the wrong number of fields).
 */
export const recordReader = (columns: readonly string[], errors: ErrorCollector) => {
  let reader: FieldReader | null = null;
  return (cells: string[], line: number): FieldReader | null => {
    if (line === 1) {
      const index = checkHeader(cells, columns, errors);
      if (index) reader = fieldReader(errors, index, cells.length);
      return null;
    }
    return reader?.start(cells, line) ? reader : null;
  };
};

/** Digits only: Number() would read an empty part of "471, " as 0. */
export const WHOLE_NUMBER = /^\d+$/;

/** The parts of a comma-separated list ("471, 475"), trimmed. */
export const splitList = (value: string): string[] => value.split(",").map((part) => part.trim());

/** The line `key` was first seen on, or undefined when it is new (and this line is remembered for it). */
export const firstLineOf = <K>(seen: Map<K, number>, key: K, line: number): number | undefined => {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, line);
  return first;
};
