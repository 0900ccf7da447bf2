/**
 * Loaders for the bundled ViEWS country-month file, the country-year and capital reference tables and the
 * conflict and peace-agreement lists, for the benchmark, which measures the model without a database. Paths are parameters: the bundled copies live in data/bundled/.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import Papa from "papaparse";
import type {
  Capital,
  ConflictYear,
  CountryYearRow,
  PanelRow,
  PeaceAgreement,
} from "../../core/warning/panel.ts";

const readText = (path: string): string => {
  const bytes = readFileSync(path);
  return path.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
};

const parse = (path: string): Record<string, string>[] => {
  const result = Papa.parse<Record<string, string>>(readText(path), { header: true, skipEmptyLines: true });
  if (result.errors.length > 0) throw new Error(`${path}: ${result.errors[0]?.message}`);
  return result.data;
};

const requireColumns = (path: string, rows: Record<string, string>[], columns: string[]): void => {
  const first = rows[0];
  if (!first) throw new Error(`${path} has no rows`);
  const missing = columns.filter((c) => !(c in first));
  if (missing.length > 0) throw new Error(`${path} lacks columns ${missing.join(", ")}`);
};

/** `views_ged_sb_cm_1990_2019.csv`: country_id, month_id, country, gwcode, isoab, year, month, ucdp_ged_sb_best_sum. */
export const readViewsCountryMonths = (path: string): PanelRow[] => {
  const rows = parse(path);
  requireColumns(path, rows, ["gwcode", "isoab", "year", "month", "ucdp_ged_sb_best_sum"]);
  return rows.map((r) => ({
    gwcode: Number(r.gwcode),
    iso3: r.isoab ?? "",
    month: `${r.year}-${String(r.month).padStart(2, "0")}`,
    sb: Number(r.ucdp_ged_sb_best_sum),
  }));
};

/** Any gwcode-year table (e.g. poldat static_world); keeps only the requested numeric columns. */
export const readCountryYear = (path: string, columns: readonly string[]): CountryYearRow[] => {
  const rows = parse(path);
  requireColumns(path, rows, ["gwcode", "year"]);
  return rows.map((r) => {
    const values: Record<string, number | null> = {};
    for (const c of columns) {
      const raw = r[c];
      values[c] = raw === undefined || raw === "" || raw === "NA" ? null : Number(raw);
    }
    return { gwcode: Number(r.gwcode), year: Number(r.year), values };
  });
};

/** `gw_capitals.csv`: gwcode, statenme, capital, stdate, enddate, lat, lng. */
export const readCapitals = (path: string): Capital[] => {
  const rows = parse(path);
  requireColumns(path, rows, ["gwcode", "lat", "lng", "stdate", "enddate"]);
  return rows.map((r) => ({
    gwcode: Number(r.gwcode),
    lat: Number(r.lat),
    lon: Number(r.lng),
    from: (r.stdate ?? "").slice(0, 7),
    to: (r.enddate ?? "").slice(0, 7),
  }));
};

/** UCDP/PRIO ACD conflict-years, one row per location country (`gwno_loc` may list several). */
export const readConflictYears = (path: string): ConflictYear[] => {
  const rows = parse(path);
  requireColumns(path, rows, ["gwno_loc", "year", "intensity_level", "type_of_conflict"]);
  return rows.flatMap((r) =>
    (r.gwno_loc ?? "").split(",").map((code) => ({
      gwcode: Number(code.trim()),
      year: Number(r.year),
      intensity: Number(r.intensity_level),
      type: Number(r.type_of_conflict),
    })),
  );
};

/** UCDP peace agreements, one row per country (`gwno` may list several). */
export const readPeaceAgreements = (path: string): PeaceAgreement[] => {
  const rows = parse(path);
  requireColumns(path, rows, ["gwno", "pa_date", "pa_type"]);
  return rows.flatMap((r) =>
    (r.gwno ?? "").split(",").map((code) => ({
      gwcode: Number(code.trim()),
      month: (r.pa_date ?? "").slice(0, 7),
      comprehensive: r.pa_type === "1",
    })),
  );
};
