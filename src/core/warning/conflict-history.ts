import type { ConflictYear, DensePanel } from "./panel.ts";

export const conflictFeatureNames = [
  "acd_years_since_conflict",
  "acd_years_since_war",
  "acd_active_conflicts",
  "acd_internationalised",
] as const;

/** The conflict dataset starts in 1946: "no conflict since" means at least as long as the data go back. */
const firstRecordedYear = 1946;

type CountryConflicts = { years: Map<number, ConflictYear[]> };

const byCountry = (conflicts: readonly ConflictYear[]): Map<number, CountryConflicts> => {
  const out = new Map<number, CountryConflicts>();
  for (const c of conflicts) {
    let country = out.get(c.gwcode);
    if (!country) {
      country = { years: new Map() };
      out.set(c.gwcode, country);
    }
    const list = country.years.get(c.year);
    if (list) list.push(c);
    else country.years.set(c.year, [c]);
  }
  return out;
};

/**
 * The country's armed-conflict record as of `year`: years since the last conflict and the last war
 * (1,000+ deaths) up to that year, how many conflicts were active in it, and whether one was internationalised.
 * This reaches back to 1946, long before the monthly series starts: a country at peace since 1990 but at war
 * in the 1980s is not the same as one never at war.
 */
const recordAsOf = (country: CountryConflicts | undefined, year: number): number[] => {
  let sinceConflict = year - firstRecordedYear + 1;
  let sinceWar = sinceConflict;
  for (let y = year; y >= firstRecordedYear; y--) {
    const active = country?.years.get(y);
    if (!active) continue;
    sinceConflict = Math.min(sinceConflict, year - y);
    if (active.some((c) => c.intensity >= 2)) {
      sinceWar = year - y;
      break;
    }
  }
  const now = country?.years.get(year) ?? [];
  return [sinceConflict, sinceWar, now.length, now.some((c) => c.type === 4) ? 1 : 0];
};

/**
 * Writes the conflict features for every unit and month: each month sees the record of the latest year it may
 * know (`usableYear`), the same publication lag as the other country-year data.
 */
export const fillConflictHistory = (
  panel: DensePanel,
  conflicts: readonly ConflictYear[],
  usableYear: (absoluteMonth: number) => number,
  values: Float32Array,
  nF: number,
  f0: number,
): void => {
  const countries = byCountry(conflicts);
  const { nMonths, firstMonth, units } = panel;
  units.forEach((unit, u) => {
    const country = countries.get(unit.gwcode);
    let year = Number.NaN;
    let record: number[] = [];
    for (let m = 0; m < nMonths; m++) {
      const y = usableYear(firstMonth + m);
      if (y !== year) {
        year = y;
        record = recordAsOf(country, y);
      }
      values.set(record, (u * nMonths + m) * nF + f0);
    }
  });
};
