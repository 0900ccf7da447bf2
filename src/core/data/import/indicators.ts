import { WORLD_BANK_AGGREGATES } from "../crosswalk.ts";
import { csvLine } from "./csv-line.ts";
import { errorCollector } from "./error-collector.ts";
import { type FieldReader, fieldReader, firstLineOf } from "./field-reader.ts";
import { checkHeader } from "./header.ts";
import type { IndicatorDefinition, RowValidator, ValidatorOptions } from "./types.ts";

export const INDICATOR_VALUE_COLUMNS = [
  "indicator",
  "country_ref",
  "iso3",
  "gwcode",
  "year",
  "value",
] as const;

/** Columns that identify or label a country-year rather than carry an indicator. */
const LABEL_COLUMNS = new Set([
  "iso3",
  "gwcode",
  "year",
  "country_name",
  "country",
  "countryname",
  "statename",
  "stateabb",
  "indicator_name",
  "indicator_code",
  "value",
]);

// Non-finite values (e.g. "-inf", the log of zero in the SDP estimates) are treated as missing too.
const MISSING = new Set(["", "NA", "N/A", "NaN", "nan", "..", "null", "inf", "-inf", "Inf", "-Inf"]);

/** The lines above a World Bank download's header: "Data Source", "Last Updated Date" and blank lines. */
export const isPreamble = (cells: readonly string[]): boolean => {
  // A byte order mark can hide the first field's quotes from a streamed parse.
  const first = cells[0]?.replace(/^\uFEFF"?|"$/g, "").trim() ?? "";
  return first === "Data Source" || first === "Last Updated Date" || cells.every((c) => c.trim() === "");
};

/** The year columns of a World Bank download's header (`Country Code`, …, `1960`, `1961`, …); none otherwise. */
export const worldBankYears = (header: readonly string[]): string[] =>
  header.some((c) => c.trim() === "Country Code")
    ? header.map((c) => c.trim()).filter((c) => /^\d{4}$/.test(c))
    : [];

/**
 * Validates country-year indicators in any of three layouts:
 * - long (WDI style): `country_name, iso3, year, value` with the indicator in an `indicator_code` column
 *   (and `indicator_name`) or given by the `indicator` option;
 * - wide: `gwcode, year, <indicator columns>` (or `iso3, year, …`), one indicator per column
 *   (e.g. WDI's `country_name, iso3, year, population`);
 * - the World Bank's download: `Country Name, Country Code, Indicator Name, Indicator Code, 1960, 1961, …`,
 *   one row per country and indicator with a column per year, after its "Data Source" preamble.
 * Countries are ISO3 codes or GW codes (resolved at 1 July of the year; a known GW state without an ISO match
 * is kept under its GW code). World Bank aggregates (WLD, SSF, income groups, CHI) are skipped and counted.
 * Empty and NA cells are missing values, not errors.
 */
export const indicatorsValidator = ({
  resolver,
  indicators: options = {},
}: ValidatorOptions): RowValidator => {
  const errors = errorCollector();
  const lines: string[] = [];
  const seen = new Map<string, number>();
  const definitions = new Map<string, IndicatorDefinition>();
  const skipped: Record<string, number> = {};
  let skippedCount = 0;
  let reader: FieldReader | null = null;
  let headerLine: number | null = null;
  let key: "iso3" | "gwcode" = "iso3";
  let long = false;
  /** The year columns of a World Bank download; empty for the other layouts. */
  let yearColumns: string[] = [];
  let valueColumns: string[] = [];
  let minYear: number | null = null;
  let maxYear: number | null = null;
  let rowCount = 0;
  const gwCache = new Map<string, string | null>();

  const define = (code: string, name?: string) => {
    if (definitions.has(code)) return;
    const meta = options.metadata?.[code] ?? {};
    definitions.set(code, {
      code,
      name: meta.name ?? name ?? code,
      unit: meta.unit ?? options.unit ?? "",
      description: meta.description ?? "",
      source: meta.source ?? options.source ?? "",
      licence: meta.licence ?? options.licence ?? "",
    });
  };

  /** The country of a code in a year, or null after an error or for a skipped aggregate. */
  const countryIn = (r: FieldReader, column: string, code: string, year: number) => {
    if (!code) return r.fail(column, code, "required value is empty");
    if (key === "iso3") {
      const upper = code.toUpperCase();
      if (WORLD_BANK_AGGREGATES.has(upper)) {
        skippedCount += 1;
        const reason = `aggregate or non-country code ${upper}`;
        skipped[reason] = (skipped[reason] ?? 0) + 1;
        return null;
      }
      if (!resolver.isKnownIso3(upper)) return r.fail(column, code, "unknown country code");
      let gwcode: number | null = null;
      try {
        gwcode = resolver.fromIso3(upper, `${year}-07-01`).gwcode;
      } catch {
        gwcode = null;
      }
      return { iso3: upper, gwcode, ref: upper };
    }
    const gw = Number(code);
    if (!Number.isInteger(gw) || !resolver.isKnownGw(gw))
      return r.fail(column, code, "unknown Gleditsch–Ward code");
    const cacheKey = `${gw}:${year}`;
    let iso3 = gwCache.get(cacheKey);
    if (iso3 === undefined) {
      try {
        iso3 = resolver.fromGw(gw, `${year}-07-01`).iso3;
      } catch {
        iso3 = null; // a state without an ISO match is kept under its GW code
      }
      gwCache.set(cacheKey, iso3);
    }
    return { iso3, gwcode: gw, ref: `GW${gw}` };
  };

  const store = (
    r: FieldReader,
    line: number,
    place: { iso3: string | null; gwcode: number | null; ref: string },
    year: number,
    values: [string, number][],
  ) => {
    const { ref } = place;
    if (minYear === null || year < minYear) minYear = year;
    if (maxYear === null || year > maxYear) maxYear = year;
    for (const [indicator, value] of values) {
      const k = `${indicator}|${ref}|${year}`;
      const first = firstLineOf(seen, k, line);
      if (first !== undefined) {
        r.fail(indicator, String(value), `duplicate value for ${ref} in ${year} (first on line ${first})`);
        continue;
      }
      lines.push(csvLine([indicator, ref, place.iso3, place.gwcode, year, value]));
    }
  };

  const numberIn = (r: FieldReader, column: string): number | null => {
    const text = r.text(column);
    if (MISSING.has(text)) return null;
    const n = Number(text);
    return Number.isFinite(n) ? n : r.fail(column, text, "not a number");
  };

  /** A World Bank row: one indicator of one country, a value per year column. */
  const worldBankRow = (r: FieldReader, line: number) => {
    const before = errors.count;
    const code = r.text("Country Code");
    const indicator = r.requiredText("Indicator Code");
    if (!indicator) return;
    define(indicator, r.text("Indicator Name") || undefined);
    const stored = lines.length;
    for (const column of yearColumns) {
      const value = numberIn(r, column);
      if (value === null) continue;
      const year = Number(column);
      const place = countryIn(r, "Country Code", code, year);
      if (!place) return;
      store(r, line, place, year, [[indicator, value]]);
    }
    if (errors.count > before) {
      lines.length = stored;
      return;
    }
    // Counted as country-years, like the rows of the other layouts.
    rowCount += lines.length - stored;
  };

  return {
    row(cells, line) {
      if (headerLine === null) {
        if (isPreamble(cells)) return;
        headerLine = line;
        yearColumns = worldBankYears(cells);
        if (yearColumns.length) {
          const index = checkHeader(cells, ["Country Code", "Indicator Code"], errors);
          if (index) reader = fieldReader(errors, index, cells.length);
          return;
        }
        const index = checkHeader(cells, ["year"], errors);
        if (!index) return;
        if (index.has("iso3")) key = "iso3";
        else if (index.has("gwcode")) key = "gwcode";
        else {
          errors.add({
            line: 1,
            column: "iso3",
            value: "",
            reason: "missing column (iso3 or gwcode is required)",
          });
          return;
        }
        long = index.has("value");
        if (long) {
          if (!index.has("indicator_code") && !options.indicator) {
            errors.add({
              line: 1,
              column: "indicator_code",
              value: "",
              reason: "missing column (a long file needs indicator_code or the indicator option)",
            });
            return;
          }
        } else {
          const names = [...index.keys()].filter((name) => !LABEL_COLUMNS.has(name.toLowerCase()));
          valueColumns = options.columns ?? names;
          for (const name of valueColumns) {
            if (!index.has(name)) errors.add({ line: 1, column: name, value: "", reason: "missing column" });
          }
          if (valueColumns.length === 0) {
            errors.add({
              line: 1,
              column: "value",
              value: "",
              reason: "missing column (no indicator columns)",
            });
          }
          if (errors.count) return;
          for (const name of valueColumns) define(name);
        }
        reader = fieldReader(errors, index, cells.length);
        return;
      }
      if (!reader?.start(cells, line)) return;
      const r = reader;
      if (yearColumns.length) {
        worldBankRow(r, line);
        return;
      }
      const before = errors.count;
      const year = r.year("year", 1700);
      if (year === null) return;
      const place = countryIn(r, key, r.text(key), year);
      if (errors.count > before || !place) return;
      const values: [string, number][] = [];
      if (long) {
        const indicator = r.text("indicator_code") || options.indicator || "";
        if (!indicator) {
          r.fail("indicator_code", "", "required value is empty");
          return;
        }
        define(indicator, r.text("indicator_name") || undefined);
        const value = numberIn(r, "value");
        if (value !== null) values.push([indicator, value]);
      } else {
        for (const column of valueColumns) {
          const value = numberIn(r, column);
          if (value !== null) values.push([column, value]);
        }
      }
      if (errors.count > before) return;
      rowCount += 1;
      store(r, line, place, year, values);
    },
    takeLines: () => lines.splice(0),
    finish: () => ({
      errors: errors.errors,
      errorCount: errors.count,
      rowCount,
      skippedCount,
      skippedReasons: skipped,
      staged: { target: "indicator_values", columns: INDICATOR_VALUE_COLUMNS, lines },
      span: {
        start: minYear === null ? null : `${minYear}-01-01`,
        end: maxYear === null ? null : `${maxYear}-12-31`,
      },
      versionInFile: null,
      coverage: null,
      indicators: [...definitions.values()],
      eventMonths: null,
    }),
  };
};
