import { WORLD_BANK_AGGREGATES } from "../crosswalk.ts";
import {
  checkHeader,
  csvLine,
  errorCollector,
  type FieldReader,
  fieldReader,
  firstLineOf,
} from "./common.ts";
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

/**
 * Validates country-year indicators in either layout:
 * - long (WDI style): `country_name, iso3, year, value` with the indicator in an `indicator_code` column
 *   (and `indicator_name`) or given by the `indicator` option;
 * - wide: `gwcode, year, <indicator columns>` (or `iso3, year, …`), one indicator per column
 *   (e.g. WDI's `country_name, iso3, year, population`).
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
  let key: "iso3" | "gwcode" = "iso3";
  let long = false;
  let valueColumns: string[] = [];
  let minYear: number | null = null;
  let maxYear: number | null = null;
  let rowCount = 0;
  const gwCache = new Map<string, { iso3: string | null; error: string | null }>();

  const define = (code: string, name?: string) => {
    if (definitions.has(code)) return;
    const meta = options.metadata?.[code] ?? {};
    definitions.set(code, {
      code,
      name: meta.name ?? name ?? code,
      unit: meta.unit ?? "",
      description: meta.description ?? "",
      source: meta.source ?? options.source ?? "",
      licence: meta.licence ?? options.licence ?? "",
    });
  };

  return {
    row(cells, line) {
      if (line === 1) {
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
      const before = errors.count;
      const year = r.year("year", 1700);
      const code = r.text(key);
      let iso3: string | null = null;
      let gwcode: number | null = null;
      let ref: string | null = null;
      if (!code) r.fail(key, code, "required value is empty");
      else if (key === "iso3") {
        const upper = code.toUpperCase();
        if (WORLD_BANK_AGGREGATES.has(upper)) {
          skippedCount += 1;
          const reason = `aggregate or non-country code ${upper}`;
          skipped[reason] = (skipped[reason] ?? 0) + 1;
          return;
        }
        if (!resolver.isKnownIso3(upper)) r.fail("iso3", code, "unknown country code");
        else {
          iso3 = upper;
          ref = upper;
          if (year !== null) {
            try {
              gwcode = resolver.fromIso3(upper, `${year}-07-01`).gwcode;
            } catch {
              gwcode = null;
            }
          }
        }
      } else if (year !== null) {
        const gw = Number(code);
        if (!Number.isInteger(gw) || !resolver.isKnownGw(gw))
          r.fail("gwcode", code, "unknown Gleditsch–Ward code");
        else {
          const cacheKey = `${gw}:${year}`;
          let hit = gwCache.get(cacheKey);
          if (!hit) {
            try {
              hit = { iso3: resolver.fromGw(gw, `${year}-07-01`).iso3, error: null };
            } catch (error) {
              hit = { iso3: null, error: error instanceof Error ? error.message : String(error) };
            }
            gwCache.set(cacheKey, hit);
          }
          gwcode = gw;
          iso3 = hit.iso3;
          ref = `GW${gw}`;
        }
      }
      if (errors.count > before || year === null || !ref) return;
      const values: [string, number][] = [];
      if (long) {
        const indicator = r.text("indicator_code") || options.indicator || "";
        if (!indicator) {
          r.fail("indicator_code", "", "required value is empty");
          return;
        }
        define(indicator, r.text("indicator_name") || undefined);
        const text = r.text("value");
        if (!MISSING.has(text)) {
          const n = Number(text);
          if (!Number.isFinite(n)) r.fail("value", text, "not a number");
          else values.push([indicator, n]);
        }
      } else {
        for (const column of valueColumns) {
          const text = r.text(column);
          if (MISSING.has(text)) continue;
          const n = Number(text);
          if (!Number.isFinite(n)) r.fail(column, text, "not a number");
          else values.push([column, n]);
        }
      }
      if (errors.count > before) return;
      rowCount += 1;
      if (minYear === null || year < minYear) minYear = year;
      if (maxYear === null || year > maxYear) maxYear = year;
      for (const [indicator, value] of values) {
        const k = `${indicator}|${ref}|${year}`;
        const first = firstLineOf(seen, k, line);
        if (first !== undefined) {
          r.fail(indicator, String(value), `duplicate value for ${ref} in ${year} (first on line ${first})`);
          continue;
        }
        lines.push(csvLine([indicator, ref, iso3, gwcode, year, value]));
      }
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
