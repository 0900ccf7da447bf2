import { csvLine } from "./csv-line.ts";
import { type ErrorCollector, errorCollector } from "./error-collector.ts";
import { type FieldReader, fieldReader, firstLineOf } from "./field-reader.ts";
import { type CountryKey, type IndicatorLayout, indicatorLayout, isPreamble } from "./indicator-layout.ts";
import { type IndicatorPlace, indicatorPlaces, type PlaceOf, type Skipped } from "./indicator-places.ts";
import type { IndicatorDefinition, IndicatorOptions, RowValidator, ValidatorOptions } from "./types.ts";

export const INDICATOR_VALUE_COLUMNS = [
  "indicator",
  "country_ref",
  "iso3",
  "gwcode",
  "year",
  "value",
] as const;

// Non-finite values (e.g. "-inf", the log of zero in the SDP estimates) are treated as missing too.
const MISSING = new Set(["", "NA", "N/A", "NaN", "nan", "..", "null", "inf", "-inf", "Inf", "-Inf"]);

/** A cell's number; null for a missing value, or after an error recorded on the row. */
const numberIn = (r: FieldReader, column: string): number | null => {
  const text = r.text(column);
  if (MISSING.has(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : r.fail(column, text, "not a number");
};

/** The indicators met in the file, in order, each described by the options' metadata where it has some. */
const indicatorDefinitions = (options: IndicatorOptions) => {
  const definitions = new Map<string, IndicatorDefinition>();
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
  return { define, list: () => [...definitions.values()] };
};

/** The values as staged lines, each indicator, country and year once, and the years they span. */
const valueStore = () => {
  const lines: string[] = [];
  const seen = new Map<string, number>();
  let minYear: number | null = null;
  let maxYear: number | null = null;
  const store = (
    r: FieldReader,
    line: number,
    place: IndicatorPlace,
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
  const span = () => ({
    start: minYear === null ? null : `${minYear}-01-01`,
    end: maxYear === null ? null : `${maxYear}-12-31`,
  });
  return { lines, store, span };
};

/** What every layout's rows are read with. */
type RowContext = {
  errors: ErrorCollector;
  options: IndicatorOptions;
  define: (code: string, name?: string) => void;
  placeOf: PlaceOf;
  values: ReturnType<typeof valueStore>;
};

/**
 * A World Bank row: one indicator of one country, a value per year column. A row with an error stores
 * nothing. Answers the country-years stored, as the other layouts count their rows.
 */
const worldBankRow = (c: RowContext, yearColumns: string[], r: FieldReader, line: number): number => {
  const before = c.errors.count;
  const code = r.text("Country Code");
  const indicator = r.requiredText("Indicator Code");
  if (!indicator) return 0;
  c.define(indicator, r.text("Indicator Name") || undefined);
  const stored = c.values.lines.length;
  for (const column of yearColumns) {
    const value = numberIn(r, column);
    if (value === null) continue;
    const year = Number(column);
    const place = c.placeOf(r, "Country Code", code, year);
    if (!place) return 0;
    c.values.store(r, line, place, year, [[indicator, value]]);
  }
  if (c.errors.count > before) {
    c.values.lines.length = stored;
    return 0;
  }
  return c.values.lines.length - stored;
};

/** A long row's one value, under its indicator code (or the options' indicator); null after an error. */
const longValues = (c: RowContext, r: FieldReader): [string, number][] | null => {
  const indicator = r.text("indicator_code") || c.options.indicator || "";
  if (!indicator) {
    r.fail("indicator_code", "", "required value is empty");
    return null;
  }
  c.define(indicator, r.text("indicator_name") || undefined);
  const value = numberIn(r, "value");
  return value === null ? [] : [[indicator, value]];
};

/** A wide row's values, one per indicator column, missing ones left out. */
const wideValues = (r: FieldReader, valueColumns: string[]): [string, number][] => {
  const values: [string, number][] = [];
  for (const column of valueColumns) {
    const value = numberIn(r, column);
    if (value !== null) values.push([column, value]);
  }
  return values;
};

/** A country-year row of a long or wide file; answers 1 when it is stored, 0 after an error or a skip. */
const countryYearRow = (
  c: RowContext,
  layout: Exclude<IndicatorLayout, { kind: "world-bank" }>,
  r: FieldReader,
  line: number,
): number => {
  const before = c.errors.count;
  const year = r.year("year", 1700);
  if (year === null) return 0;
  const place = c.placeOf(r, layout.key, r.text(layout.key), year);
  if (c.errors.count > before || !place) return 0;
  const values = layout.kind === "long" ? longValues(c, r) : wideValues(r, layout.valueColumns);
  if (!values || c.errors.count > before) return 0;
  c.values.store(r, line, place, year, values);
  return 1;
};

/** Reads the rows after the header by its layout, answering how many country-years each stored. */
const rowReaderFor = (
  layout: IndicatorLayout,
  c: Omit<RowContext, "placeOf">,
  placesBy: (key: CountryKey) => PlaceOf,
) => {
  if (layout.kind === "world-bank") {
    // The World Bank names countries by ISO3 code.
    const context = { ...c, placeOf: placesBy("iso3") };
    return (r: FieldReader, line: number) => worldBankRow(context, layout.yearColumns, r, line);
  }
  if (layout.kind === "wide") for (const name of layout.valueColumns) c.define(name);
  const context = { ...c, placeOf: placesBy(layout.key) };
  return (r: FieldReader, line: number) => countryYearRow(context, layout, r, line);
};

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
  const definitions = indicatorDefinitions(options);
  const values = valueStore();
  const skipped: Skipped = { count: 0, reasons: {} };
  let headerRead = false;
  let reader: FieldReader | null = null;
  let readRow: ((r: FieldReader, line: number) => number) | null = null;
  let rowCount = 0;
  const readHeader = (cells: string[]) => {
    const layout = indicatorLayout(cells, options, errors);
    if (!layout) return;
    const context = { errors, options, define: definitions.define, values };
    readRow = rowReaderFor(layout, context, (key) => indicatorPlaces(resolver, key, skipped));
    reader = fieldReader(errors, layout.index, cells.length);
  };
  return {
    row(cells, line) {
      if (!headerRead) {
        if (isPreamble(cells)) return;
        headerRead = true;
        readHeader(cells);
        return;
      }
      if (!reader?.start(cells, line) || !readRow) return;
      rowCount += readRow(reader, line);
    },
    takeLines: () => values.lines.splice(0),
    finish: () => ({
      errors: errors.errors,
      errorCount: errors.count,
      rowCount,
      skippedCount: skipped.count,
      skippedReasons: skipped.reasons,
      staged: { target: "indicator_values", columns: INDICATOR_VALUE_COLUMNS, lines: values.lines },
      span: values.span(),
      versionInFile: null,
      coverage: null,
      indicators: definitions.list(),
      eventMonths: null,
    }),
  };
};
