import { invalid } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import { isKnownCountry } from "../../repositories/data/registry.repository.ts";

/**
 * Refuses a country code the registry does not hold: a record about "XXX" would be counted, notified and
 * reviewed as if it were a country, and no one could find it by country.
 */
export const assertKnownCountry = async (db: Db, iso3: string, field = "iso3"): Promise<void> => {
  if (!(await isKnownCountry(db, iso3)))
    throw invalid(`${iso3} is not a country code in the registry.`, [
      { field, message: "unknown country code (ISO 3166-1 alpha-3)" },
    ]);
};
