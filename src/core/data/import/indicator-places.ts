import { WORLD_BANK_AGGREGATES } from "../crosswalk.ts";
import type { CountryResolver } from "../registry.ts";
import type { FieldReader } from "./field-reader.ts";
import type { CountryKey } from "./indicator-layout.ts";

/** Where a value belongs: the country by ISO3 and GW code where known, and the reference it is stored under. */
export type IndicatorPlace = { iso3: string | null; gwcode: number | null; ref: string };

/** Rows left out on purpose, counted by reason. */
export type Skipped = { count: number; reasons: Record<string, number> };

/**
 * The country of a code in a year, or null after an error (recorded on the row) or for a World Bank aggregate
 * (counted in `skipped`). ISO3 codes are kept with their GW code on 1 July where there is one; a known GW state
 * without an ISO match is kept under its GW code.
 */
export const indicatorPlaces = (resolver: CountryResolver, key: CountryKey, skipped: Skipped) => {
  const gwCache = new Map<string, string | null>();
  const byIso3 = (r: FieldReader, column: string, code: string, year: number): IndicatorPlace | null => {
    const upper = code.toUpperCase();
    if (WORLD_BANK_AGGREGATES.has(upper)) {
      skipped.count += 1;
      const reason = `aggregate or non-country code ${upper}`;
      skipped.reasons[reason] = (skipped.reasons[reason] ?? 0) + 1;
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
  };
  const byGw = (r: FieldReader, column: string, code: string, year: number): IndicatorPlace | null => {
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
  return (r: FieldReader, column: string, code: string, year: number): IndicatorPlace | null => {
    if (!code) return r.fail(column, code, "required value is empty");
    return key === "iso3" ? byIso3(r, column, code, year) : byGw(r, column, code, year);
  };
};

export type PlaceOf = ReturnType<typeof indicatorPlaces>;
