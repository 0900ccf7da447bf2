import type { CountryResolver } from "../registry.ts";
import { type FieldReader, splitList, WHOLE_NUMBER } from "./field-reader.ts";

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
