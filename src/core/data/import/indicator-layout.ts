import type { ErrorCollector } from "./error-collector.ts";
import { checkHeader } from "./header.ts";
import type { IndicatorOptions } from "./types.ts";

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

/** The column naming the country of a row: ISO3 codes or Gleditsch–Ward codes. */
export type CountryKey = "iso3" | "gwcode";

/** How an indicator file is laid out, as its header says, with its columns' positions. */
export type IndicatorLayout =
  | { kind: "world-bank"; index: Map<string, number>; yearColumns: string[] }
  | { kind: "long"; index: Map<string, number>; key: CountryKey }
  | { kind: "wide"; index: Map<string, number>; key: CountryKey; valueColumns: string[] };

/** A wide file's indicator columns: those chosen in the options, else every column that is not a label. */
const wideColumns = (
  index: Map<string, number>,
  options: IndicatorOptions,
  errors: ErrorCollector,
): string[] | null => {
  const names = [...index.keys()].filter((name) => !LABEL_COLUMNS.has(name.toLowerCase()));
  const valueColumns = options.columns ?? names;
  for (const name of valueColumns) {
    if (!index.has(name)) errors.add({ line: 1, column: name, value: "", reason: "missing column" });
  }
  if (valueColumns.length === 0) {
    errors.add({ line: 1, column: "value", value: "", reason: "missing column (no indicator columns)" });
  }
  return errors.count ? null : valueColumns;
};

/** A country-year file's layout: long with a `value` column, otherwise wide with a column per indicator. */
const countryYearLayout = (
  cells: string[],
  options: IndicatorOptions,
  errors: ErrorCollector,
): IndicatorLayout | null => {
  const index = checkHeader(cells, ["year"], errors);
  if (!index) return null;
  const key: CountryKey | null = index.has("iso3") ? "iso3" : index.has("gwcode") ? "gwcode" : null;
  if (!key) {
    errors.add({ line: 1, column: "iso3", value: "", reason: "missing column (iso3 or gwcode is required)" });
    return null;
  }
  if (index.has("value")) {
    if (index.has("indicator_code") || options.indicator) return { kind: "long", index, key };
    errors.add({
      line: 1,
      column: "indicator_code",
      value: "",
      reason: "missing column (a long file needs indicator_code or the indicator option)",
    });
    return null;
  }
  const valueColumns = wideColumns(index, options, errors);
  return valueColumns ? { kind: "wide", index, key, valueColumns } : null;
};

/** Reads the header (the first line after any World Bank preamble); null after errors, which it records. */
export const indicatorLayout = (
  cells: string[],
  options: IndicatorOptions,
  errors: ErrorCollector,
): IndicatorLayout | null => {
  const yearColumns = worldBankYears(cells);
  if (yearColumns.length === 0) return countryYearLayout(cells, options, errors);
  const index = checkHeader(cells, ["Country Code", "Indicator Code"], errors);
  return index ? { kind: "world-bank", index, yearColumns } : null;
};
