import { monthIndex } from "../shared/months.ts";
import type { ConflictYear, DensePanel, PeaceAgreement } from "./panel.ts";
import { predecessorOf } from "./successor-states.ts";

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
 * A new state's conflict years before independence are its predecessor's (`predecessorOf`), as its monthly
 * history is: South Sudan's war before 2011 is recorded under Sudan.
 */
const withInheritedYears = (
  countries: Map<number, CountryConflicts>,
  panel: DensePanel,
): Map<number, CountryConflicts> => {
  const yearsOf = (gwcode: number, before: number, depth = 0): [number, ConflictYear[]][] => {
    const predecessor = predecessorOf.get(gwcode);
    const inherited = predecessor === undefined || depth >= 4 ? [] : yearsOf(predecessor, before, depth + 1);
    return [...inherited, ...[...(countries.get(gwcode)?.years ?? [])].filter(([year]) => year < before)];
  };
  const out = new Map(countries);
  panel.units.forEach(({ gwcode }, u) => {
    const predecessor = predecessorOf.get(gwcode);
    if (predecessor === undefined) return;
    const firstPresent = panel.sb
      .subarray(u * panel.nMonths, (u + 1) * panel.nMonths)
      .findIndex((v) => !Number.isNaN(v));
    if (firstPresent < 0) return;
    const independence = Math.floor((panel.firstMonth + firstPresent) / 12);
    out.set(gwcode, {
      years: new Map([...yearsOf(predecessor, independence), ...(countries.get(gwcode)?.years ?? [])]),
    });
  });
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
  const countries = withInheritedYears(byCountry(conflicts), panel);
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

export const peaceAgreementFeatureNames = ["pa_months_since", "pa_count_60", "pa_comprehensive_60"] as const;

/** The agreement dataset starts in 1975: a country without one counts months since then. */
export const firstAgreementMonth = monthIndex("1975-01");

/**
 * Writes, for every unit and month, the months since the country's last peace agreement, how many it signed in
 * the last five years, and whether one of them was comprehensive. An agreement counts from the month it was
 * signed: signatures are public the day they happen, unlike yearly conflict tallies.
 */
export const fillPeaceAgreements = (
  panel: DensePanel,
  agreements: readonly PeaceAgreement[],
  values: Float32Array,
  nF: number,
  f0: number,
): void => {
  const signed = new Map<number, { month: number; comprehensive: boolean }[]>();
  for (const a of agreements) {
    const list = signed.get(a.gwcode) ?? [];
    list.push({ month: monthIndex(a.month), comprehensive: a.comprehensive });
    signed.set(a.gwcode, list);
  }
  const { nMonths, firstMonth, units } = panel;
  units.forEach((unit, u) => {
    const own = (signed.get(unit.gwcode) ?? []).sort((a, b) => a.month - b.month);
    for (let m = 0; m < nMonths; m++) {
      const now = firstMonth + m;
      let last = firstAgreementMonth;
      let count = 0;
      let comprehensive = 0;
      for (const a of own) {
        if (a.month > now) break;
        last = a.month;
        if (now - a.month < 60) {
          count++;
          if (a.comprehensive) comprehensive = 1;
        }
      }
      values.set([Math.max(0, now - last), count, comprehensive], (u * nMonths + m) * nF + f0);
    }
  });
};
