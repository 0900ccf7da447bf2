import { parseIsoDate } from "../dates.ts";
import type { CountryResolver } from "../registry.ts";
import { MAX_REPORTED_ERRORS, type RowError, type StagedRows, type ValidationOutcome } from "./types.ts";

/** Collects the first MAX_REPORTED_ERRORS errors and counts them all. */
export const errorCollector = () => {
  const errors: RowError[] = [];
  let count = 0;
  return {
    errors,
    add: (error: RowError) => {
      count += 1;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(error);
    },
    get count() {
      return count;
    },
  };
};
type ErrorCollector = ReturnType<typeof errorCollector>;

/** A CSV field for COPY … (FORMAT csv): null and "" become NULL, text is quoted when it has to be. */
const csvField = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return needsQuotes(value) ? `"${value.replaceAll('"', '""')}"` : value;
};

const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 160;

/** Quotes, commas, line breaks or backslashes inside, or spaces at either end (COPY would trim them). */
const needsQuotes = (value: string): boolean => {
  if (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1))) return true;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13 || c === 92) return true;
  }
  return false;
};

export const csvLine = (values: (string | number | null | undefined)[]): string =>
  values.map(csvField).join(",");

const DELIMITERS: [string, string][] = [
  [";", "semicolon"],
  ["\t", "tab"],
  ["|", "pipe"],
];

/** The delimiter a header read as comma-separated was really split by, when it is one field holding another. */
export const wrongDelimiter = (header: readonly string[]): { delimiter: string; name: string } | null => {
  if (header.length !== 1) return null;
  const found = DELIMITERS.find(([d]) => (header[0] ?? "").includes(d));
  return found ? { delimiter: found[0], name: found[1] } : null;
};

/**
 * Checks the header: a single field holding another delimiter means the file is not comma-separated;
 * otherwise every required column must be present. Returns column indexes by name, or null after errors.
 */
export const checkHeader = (
  header: string[],
  required: readonly string[],
  errors: ErrorCollector,
): Map<string, number> | null => {
  const names = header.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/, "") : name).trim());
  const found = wrongDelimiter(names);
  if (found) {
    errors.add({
      line: 1,
      column: names[0]?.slice(0, 60) ?? "",
      value: found.delimiter === "\t" ? "\\t" : found.delimiter,
      reason: `wrong delimiter: the header is separated by ${found.name}s; a comma-separated file is expected`,
    });
    return null;
  }
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  let ok = true;
  for (const name of required) {
    if (!index.has(name)) {
      errors.add({ line: 1, column: name, value: "", reason: "missing column" });
      ok = false;
    }
  }
  return ok ? index : null;
};

/** Row-level field readers that report a named error and return null on failure. */
export const fieldReader = (errors: ErrorCollector, index: Map<string, number>, width: number) => {
  let cells: string[] = [];
  let line = 0;
  const fail = (column: string, value: string, reason: string) => {
    errors.add({ line, column, value, reason });
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
      if (row.length !== width) {
        fail("(row)", `${row.length} fields`, `expected ${width} fields as in the header`);
        return false;
      }
      return true;
    },
    fail,
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

/**
 * The ISO3 codes, on `date`, of a comma-separated list of Gleditsch–Ward codes (UCDP's gwno columns); every
 * code must be a known GW code. A known state without an ISO match (e.g. Hyderabad 1948) is left out.
 */
export const isoCodesOfGwList = (
  reader: FieldReader,
  resolver: CountryResolver,
  column: string,
  list: string,
  date: string | null,
): string[] => {
  const iso3 = new Set<string>();
  for (const part of splitList(list)) {
    if (!WHOLE_NUMBER.test(part)) {
      reader.fail(column, list, `"${part}" is not a GW code`);
      continue;
    }
    const gw = Number(part);
    if (!resolver.isKnownGw(gw)) {
      reader.fail(column, part, `GW code ${gw}: unknown Gleditsch–Ward code`);
      continue;
    }
    if (date === null) continue;
    try {
      iso3.add(resolver.fromGw(gw, date).iso3);
    } catch {
      // no ISO3 for this state on that date
    }
  }
  return [...iso3];
};

/** The line `key` was first seen on, or undefined when it is new (and this line is remembered for it). */
export const firstLineOf = <K>(seen: Map<K, number>, key: K, line: number): number | undefined => {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, line);
  return first;
};

/**
 * How far outside its state's dates a GW code may be dated in monthly or event data: a month, so a state's
 * first month (South Sudan, 2011-07, from the 9th) counts, and South Sudan in 2010 does not.
 */
export const datedRowToleranceDays = 31;

/** Runs a country-code resolution, turning its error into a row error on `column`. */
export const resolveOrFail = <T>(
  reader: FieldReader,
  column: string,
  value: string,
  resolve: () => T,
): T | null => {
  try {
    return resolve();
  } catch (error) {
    return reader.fail(column, value, error instanceof Error ? error.message : String(error));
  }
};

export const EVENT_COLUMNS = [
  "source",
  "source_event_id",
  "type_of_violence",
  "event_type",
  "sub_event_type",
  "date_start",
  "date_end",
  "month",
  "best",
  "low",
  "high",
  "latitude",
  "longitude",
  "priogrid_gid",
  "gwcode",
  "iso3",
  "country",
  "adm1",
  "adm2",
  "where_prec",
  "date_prec",
  "conflict_name",
  "side_a",
  "side_b",
  "source_version",
] as const;

type EventRecord = {
  source: string;
  sourceEventId: string;
  typeOfViolence: number | null;
  eventType: string | null;
  subEventType: string | null;
  dateStart: string;
  dateEnd: string;
  best: number;
  low: number;
  high: number;
  latitude: number | null;
  longitude: number | null;
  priogridGid: number | null;
  gwcode: number | null;
  iso3: string;
  country: string | null;
  adm1: string | null;
  adm2: string | null;
  wherePrec: number | null;
  datePrec: number | null;
  conflictName: string | null;
  sideA: string | null;
  sideB: string | null;
  sourceVersion: string | null;
};

/** csvField for a number (or null): finite numbers as written, anything else empty. */
const numField = (value: number | null): string =>
  value === null || !Number.isFinite(value) ? "" : String(value);

/** csvField for text (or null). */
const textField = (value: string | null): string =>
  value === null || value === "" ? "" : needsQuotes(value) ? `"${value.replaceAll('"', '""')}"` : value;

/**
 * The staged CSV line of an event (EVENT_COLUMNS order), as csvLine would write it. Joined from one array
 * literal: a flat string, which later joins of many lines copy cheaply.
 */
const eventLine = (e: EventRecord, month = `${e.dateStart.slice(0, 7)}-01`): string =>
  [
    textField(e.source),
    textField(e.sourceEventId),
    numField(e.typeOfViolence),
    textField(e.eventType),
    textField(e.subEventType),
    textField(e.dateStart),
    textField(e.dateEnd),
    month,
    numField(e.best),
    numField(e.low),
    numField(e.high),
    numField(e.latitude),
    numField(e.longitude),
    numField(e.priogridGid),
    numField(e.gwcode),
    textField(e.iso3),
    textField(e.country),
    textField(e.adm1),
    textField(e.adm2),
    numField(e.wherePrec),
    numField(e.datePrec),
    textField(e.conflictName),
    textField(e.sideA),
    textField(e.sideB),
    textField(e.sourceVersion),
  ].join(",");

/** Tracks event coverage: countries and the month span, per group (e.g. per GED source file). */
export const coverageTracker = () => {
  const groups = new Map<string, { iso3: Set<string>; from: string; to: string }>();
  let start: string | null = null;
  let end: string | null = null;
  return {
    add(group: string, iso3: string, date: string) {
      const month = date.slice(0, 7);
      const g = groups.get(group);
      if (!g) groups.set(group, { iso3: new Set([iso3]), from: month, to: month });
      else {
        g.iso3.add(iso3);
        if (month < g.from) g.from = month;
        if (month > g.to) g.to = month;
      }
      if (start === null || date < start) start = date;
      if (end === null || date > end) end = date;
    },
    get span() {
      return { start, end };
    },
    groups: () =>
      [...groups].map(([label, g]) => ({ label, iso3: [...g.iso3].sort(), from: g.from, to: g.to })),
  };
};

/** Columns of the per-country-month event totals a file's events add up to (month = month of date_start). */
export const EVENT_COUNTRY_MONTH_COLUMNS = [
  "iso3",
  "month",
  "gwcode",
  "sb_best",
  "sb_low",
  "sb_high",
  "ns_best",
  "ns_low",
  "ns_high",
  "os_best",
  "os_low",
  "os_high",
  "other_best",
  "event_count",
] as const;

/** Columns of the per-PRIO-GRID-cell-month event totals. */
export const EVENT_GRID_MONTH_COLUMNS = [
  "priogrid_gid",
  "month",
  "sb_best",
  "ns_best",
  "os_best",
  "other_best",
  "sb_low",
  "sb_high",
  "event_count",
] as const;

export type EventMonthTotals = { countryMonths: string[]; gridMonths: string[] };

/**
 * Adds up events by country-month and by PRIO-GRID-cell-month while the file is validated, so the
 * database does not read every event again to aggregate it. Best, low and high fatalities per type of
 * violence (1 state-based, 2 non-state, 3 one-sided; events without a type count as "other").
 */
export const eventMonthTotals = () => {
  // [sb best, low, high, ns best, low, high, os best, low, high, other best, count]
  const countries = new Map<string, { iso3: string; month: string; gwcode: number | null; sums: number[] }>();
  const cells = new Map<string, { gid: number; month: string; sums: number[] }>();
  const add = (sums: number[], e: EventRecord) => {
    const t = e.typeOfViolence;
    if (t === 1 || t === 2 || t === 3) {
      const at = (t - 1) * 3;
      sums[at] = (sums[at] ?? 0) + e.best;
      sums[at + 1] = (sums[at + 1] ?? 0) + e.low;
      sums[at + 2] = (sums[at + 2] ?? 0) + e.high;
    } else sums[9] = (sums[9] ?? 0) + e.best;
    sums[10] = (sums[10] ?? 0) + 1;
  };
  return {
    /** Counts the event and returns its staged line. */
    line(e: EventRecord): string {
      const month = `${e.dateStart.slice(0, 7)}-01`;
      const countryKey = `${e.iso3}|${month}`;
      let country = countries.get(countryKey);
      if (!country) {
        country = { iso3: e.iso3, month, gwcode: null, sums: new Array(11).fill(0) };
        countries.set(countryKey, country);
      }
      if (e.gwcode !== null && (country.gwcode === null || e.gwcode > country.gwcode))
        country.gwcode = e.gwcode;
      add(country.sums, e);
      if (e.priogridGid !== null) {
        const cellKey = `${e.priogridGid}|${month}`;
        let cell = cells.get(cellKey);
        if (!cell) {
          cell = { gid: e.priogridGid, month, sums: new Array(11).fill(0) };
          cells.set(cellKey, cell);
        }
        add(cell.sums, e);
      }
      return eventLine(e, month);
    },
    totals(): EventMonthTotals {
      const countryMonths = [...countries.values()].map(({ iso3, month, gwcode, sums }) =>
        csvLine([iso3, month, gwcode, ...sums]),
      );
      const gridMonths = [...cells.values()].map(({ gid, month, sums: s }) =>
        csvLine([gid, month, s[0], s[3], s[6], s[9], s[1], s[2], s[10]]),
      );
      return { countryMonths, gridMonths };
    },
  };
};

/** What an event validator (GED, ACLED, HXL) reports when the file is read: one shape for all of them. */
export const eventOutcome = (parts: {
  errors: ErrorCollector;
  extraErrors?: number;
  rowCount: number;
  lines: string[];
  coverage: ReturnType<typeof coverageTracker>;
  months: ReturnType<typeof eventMonthTotals>;
  versionInFile?: string | null;
}): ValidationOutcome => ({
  errors: parts.errors.errors,
  errorCount: parts.errors.count + (parts.extraErrors ?? 0),
  rowCount: parts.rowCount,
  skippedCount: 0,
  skippedReasons: {},
  staged: { target: "events", columns: EVENT_COLUMNS, lines: parts.lines },
  span: parts.coverage.span,
  versionInFile: parts.versionInFile ?? null,
  coverage: parts.coverage.groups(),
  indicators: null,
  eventMonths: parts.months.totals(),
});

/** What a validator of a plain table (ACD, ViEWS cm, peace agreements) reports: no coverage, no events. */
export const tableOutcome = (parts: {
  errors: ErrorCollector;
  rowCount: number;
  staged: StagedRows;
  span: ValidationOutcome["span"];
  versions?: ReadonlySet<string>;
}): ValidationOutcome => ({
  errors: parts.errors.errors,
  errorCount: parts.errors.count,
  rowCount: parts.rowCount,
  skippedCount: 0,
  skippedReasons: {},
  staged: parts.staged,
  span: parts.span,
  versionInFile: parts.versions?.size ? [...parts.versions].sort().join(" + ") : null,
  coverage: null,
  indicators: null,
  eventMonths: null,
});
