import { invalid } from "../shared/errors.ts";
import {
  EXTRA_GW_STATES,
  GW_TO_ISO,
  type IsoStatus,
  NON_ISO_3166_1_CODES,
  SUPPLEMENTARY_CODES,
} from "./crosswalk.ts";
import { parseDate } from "./dates.ts";

/** The UN's six official languages, as UNTERM's columns name them. */
const UNTERM_LANGUAGES = {
  ar: "Arabic",
  en: "English",
  es: "Spanish",
  fr: "French",
  ru: "Russian",
  zh: "Chinese",
} as const;

/** The GW list and the capitals list stop at these dates; a period ending there is still running. */
const OPEN_ENDS = new Set(["2017-12-31", "2024-12-31"]);

export type CountryRecord = {
  iso3: string;
  iso2: string | null;
  isoNumeric: number | null;
  name: string;
  officialName: string | null;
  /** The formal name in each of the six UN languages (ar, en, es, fr, ru, zh), where UNTERM gives one. */
  officialNames: Record<string, string>;
  region: string | null;
  subregion: string | null;
  gwcode: number | null;
  isoStatus: IsoStatus;
  independent: boolean;
  validFrom: string | null;
  validTo: string | null;
  capital: string | null;
  capitalLat: number | null;
  capitalLon: number | null;
};

export type CrosswalkRow = {
  gwcode: number;
  gwName: string;
  gwAbbreviation: string | null;
  /** false for supplementary territory codes and for microstates known only from the capitals list */
  gwListed: boolean;
  iso3: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** false for alias rows, which are never chosen when resolving ISO3 → GW */
  isPrimary: boolean;
  note: string;
};

export type CapitalRecord = {
  gwcode: number;
  iso3: string | null;
  capital: string;
  validFrom: string | null;
  validTo: string | null;
  latitude: number;
  longitude: number;
};

export type RegistryData = {
  countries: CountryRecord[];
  crosswalk: CrosswalkRow[];
  capitals: CapitalRecord[];
};

/** A parsed CSV: the header row then the data rows. */
export type Table = { header: string[]; rows: string[][] };

const column = (table: Table, name: string, file: string): number => {
  const index = table.header.indexOf(name);
  if (index < 0)
    throw invalid(`${file} has no column "${name}".`, [{ field: name, message: "missing column" }]);
  return index;
};

const openEnd = (date: string | null) => (date && OPEN_ENDS.has(date) ? null : date);
const maxDate = (a: string | null, b: string | null) => (a === null || b === null ? null : a > b ? a : b);
const minDate = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

type StatePeriod = { name: string; abb: string; from: string | null; to: string | null };
type Dated = { validFrom: string | null; validTo: string | null };

/** Oldest end first; a period still running (no end) last. */
const byEnd = (a: Dated, b: Dated) => ((a.validTo ?? "9999") < (b.validTo ?? "9999") ? -1 : 1);

const readCapitals = (table: Table): CapitalRecord[] => {
  const at = (name: string) => column(table, name, "gw_capitals.csv");
  const c = {
    gw: at("gwcode"),
    capital: at("capital"),
    start: at("stdate"),
    end: at("enddate"),
    lat: at("lat"),
    lon: at("lng"),
  };
  return table.rows.map((row) => ({
    gwcode: Number(row[c.gw]),
    iso3: null,
    capital: row[c.capital] ?? "",
    validFrom: parseDate(row[c.start] ?? ""),
    validTo: openEnd(parseDate(row[c.end] ?? "")),
    latitude: Number(row[c.lat]),
    longitude: Number(row[c.lon]),
  }));
};

/** GW states and their periods of independence, from the GW list, the capitals list and the crosswalk's extras. */
const statePeriods = (states: Table, capitalsTable: Table, capitals: CapitalRecord[]) => {
  const at = (name: string) => column(states, name, "gw_states.csv");
  const c = {
    gw: at("gwcode"),
    abb: at("stateabb"),
    name: at("statename"),
    start: at("startdate"),
    end: at("enddate"),
  };
  const periods = new Map<number, StatePeriod[]>();
  for (const row of states.rows) {
    const gw = Number(row[c.gw]);
    periods.set(gw, [
      ...(periods.get(gw) ?? []),
      {
        name: row[c.name] ?? "",
        abb: row[c.abb] ?? "",
        from: parseDate(row[c.start] ?? ""),
        to: openEnd(parseDate(row[c.end] ?? "")),
      },
    ]);
  }
  // Microstates appear only in the capitals list: their period is the span of their capitals.
  const capitalNameAt = column(capitalsTable, "statenme", "gw_capitals.csv");
  const capitalGwAt = column(capitalsTable, "gwcode", "gw_capitals.csv");
  for (const row of capitalsTable.rows) {
    const gw = Number(row[capitalGwAt]);
    if (periods.has(gw)) continue;
    const own = capitals.filter((cap) => cap.gwcode === gw);
    const from = own.map((cap) => cap.validFrom).reduce<string | null>((a, b) => minDate(a, b), null);
    const to = own.some((cap) => cap.validTo === null)
      ? null
      : (own
          .map((cap) => cap.validTo)
          .sort()
          .at(-1) ?? null);
    periods.set(gw, [{ name: row[capitalNameAt] ?? "", abb: "", from, to }]);
  }
  for (const [code, extra] of Object.entries(EXTRA_GW_STATES)) {
    if (!periods.has(Number(code)))
      periods.set(Number(code), [
        { name: extra.name, abb: extra.abbreviation, from: extra.from, to: extra.to },
      ]);
  }
  const listed = new Set([
    ...states.rows.map((row) => Number(row[c.gw])),
    ...Object.keys(EXTRA_GW_STATES).map(Number),
  ]);
  return { periods, listed };
};

/** One crosswalk row per GW state period and ISO3 code the explicit crosswalk gives it, then the supplementary codes. */
const buildCrosswalk = (
  { periods, listed }: ReturnType<typeof statePeriods>,
  knownIso: (iso3: string) => boolean,
): CrosswalkRow[] => {
  const crosswalk: CrosswalkRow[] = [];
  for (const [gw, statePeriods] of [...periods].sort((a, b) => a[0] - b[0])) {
    const specs = GW_TO_ISO[gw];
    if (!specs)
      throw invalid(`GW code ${gw} has no entry in the explicit crosswalk.`, [
        { field: "gwcode", message: "not in crosswalk", value: gw },
      ]);
    for (const spec of specs) {
      if (spec.iso3 && !knownIso(spec.iso3))
        throw invalid(`Crosswalk names unknown ISO3 code ${spec.iso3} for GW ${gw}.`);
      for (const period of statePeriods) {
        const from = maxDate(period.from, spec.from ?? null) ?? spec.from ?? period.from;
        const to = minDate(period.to, spec.to ?? null);
        if (from && to && from > to) continue;
        crosswalk.push({
          gwcode: gw,
          gwName: period.name,
          gwAbbreviation: period.abb || null,
          gwListed: listed.has(gw),
          iso3: spec.iso3,
          validFrom: from,
          validTo: to,
          isPrimary: !spec.alias,
          note: spec.note ?? "",
        });
      }
    }
  }
  for (const [code, supplementary] of Object.entries(SUPPLEMENTARY_CODES)) {
    if (supplementary.iso3 && !knownIso(supplementary.iso3))
      throw invalid(`Unknown ISO3 ${supplementary.iso3}.`);
    crosswalk.push({
      gwcode: Number(code),
      gwName: supplementary.name,
      gwAbbreviation: null,
      gwListed: false,
      iso3: supplementary.iso3,
      validFrom: null,
      validTo: null,
      isPrimary: true,
      note: supplementary.note,
    });
  }
  return crosswalk;
};

/** Each capital gets the ISO3 code its state had while it was the capital. */
const withIso = (capitals: CapitalRecord[], crosswalk: CrosswalkRow[]): CapitalRecord[] =>
  capitals.map((capital) => {
    const row = crosswalk.find(
      (x) =>
        x.gwcode === capital.gwcode &&
        x.iso3 &&
        (x.validTo === null || capital.validFrom === null || x.validTo >= capital.validFrom) &&
        (x.validFrom === null || capital.validTo === null || x.validFrom <= capital.validTo),
    );
    return { ...capital, iso3: row?.iso3 ?? null };
  });

const codeColumns = (codes: Table) => {
  const at = (name: string) => column(codes, name, "country_codes.csv");
  return {
    iso3: at("ISO3166-1-Alpha-3"),
    iso2: at("ISO3166-1-Alpha-2"),
    numeric: at("ISO3166-1-numeric"),
    name: at("CLDR display name"),
    official: at("UNTERM English Formal"),
    officialEn: at("official_name_en"),
    officialByLanguage: Object.entries(UNTERM_LANGUAGES).map(
      ([code, language]) => [code, at(`UNTERM ${language} Formal`)] as const,
    ),
    region: at("Region Name"),
    subregion: at("Sub-region Name"),
    capital: at("Capital"),
  };
};

/** A country's names and codes: ISO 3166-1's row where it has one, else the platform's own list of other codes. */
const countryNaming = (iso3: string, isoRow: string[] | undefined, k: ReturnType<typeof codeColumns>) => {
  const nonIso = NON_ISO_3166_1_CODES[iso3];
  return {
    iso2: isoRow ? isoRow[k.iso2] || null : null,
    isoNumeric: isoRow ? Number(isoRow[k.numeric]) || null : (nonIso?.numeric ?? null),
    name: isoRow ? isoRow[k.name] || isoRow[k.officialEn] || iso3 : (nonIso?.name ?? iso3),
    officialName: isoRow ? isoRow[k.official] || isoRow[k.officialEn] || null : (nonIso?.name ?? null),
    officialNames: Object.fromEntries(
      k.officialByLanguage.flatMap(([code, index]) => (isoRow?.[index] ? [[code, isoRow[index]]] : [])),
    ),
    region: isoRow ? isoRow[k.region] || null : null,
    subregion: isoRow ? isoRow[k.subregion] || null : null,
    isoStatus: nonIso?.status ?? "current",
  };
};

/** A country's span: from its first crosswalk period to its last, or the dates the non-ISO list gives it. */
const countrySpan = (iso3: string, rows: CrosswalkRow[]) => {
  const first = rows[0];
  if (!first) {
    const nonIso = NON_ISO_3166_1_CODES[iso3];
    return { validFrom: nonIso?.from ?? null, validTo: nonIso?.to ?? null };
  }
  return {
    validFrom: rows
      .map((x) => x.validFrom)
      .reduce<string | null>(
        // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.min does not apply.
        (a, b) => (a === null || b === null ? null : a < b ? a : b),
        first.validFrom,
      ),
    validTo: rows.map((x) => x.validTo).reduce<string | null>((a, b) => maxDate(a, b), first.validTo),
  };
};

/**
 * Builds countries, the GW ↔ ISO3 crosswalk and capitals from registry/gw_states.csv, gw_capitals.csv and
 * country_codes.csv plus the explicit crosswalk in crosswalk.ts. Throws if the explicit crosswalk names an
 * ISO3 code that is neither in ISO 3166-1 nor a listed non-ISO code, or if a GW code has no crosswalk entry.
 */
export const buildRegistry = (states: Table, capitalsTable: Table, codes: Table): RegistryData => {
  const k = codeColumns(codes);
  const isoRows = new Map(codes.rows.filter((row) => row[k.iso3]).map((row) => [row[k.iso3] as string, row]));
  const capitalsListed = readCapitals(capitalsTable);
  const crosswalk = buildCrosswalk(
    statePeriods(states, capitalsTable, capitalsListed),
    (iso3) => isoRows.has(iso3) || iso3 in NON_ISO_3166_1_CODES,
  );
  const capitals = withIso(capitalsListed, crosswalk);
  const countryFor = (iso3: string): CountryRecord => {
    const rows = crosswalk.filter((x) => x.iso3 === iso3 && x.isPrimary);
    const gwcode = [...rows].sort(byEnd).at(-1)?.gwcode ?? null;
    const capital = capitals
      .filter((cap) => cap.gwcode === gwcode && cap.iso3 === iso3)
      .sort(byEnd)
      .at(-1);
    const isoRow = isoRows.get(iso3);
    return {
      iso3,
      ...countryNaming(iso3, isoRow, k),
      gwcode,
      independent: rows
        .filter((x) => x.gwListed || GW_TO_ISO[x.gwcode])
        .some((x) => x.gwListed || !(x.gwcode in SUPPLEMENTARY_CODES)),
      ...countrySpan(iso3, rows),
      capital: capital?.capital ?? (isoRow ? isoRow[k.capital] || null : null),
      capitalLat: capital?.latitude ?? null,
      capitalLon: capital?.longitude ?? null,
    };
  };
  const countries = [...isoRows.keys(), ...Object.keys(NON_ISO_3166_1_CODES)].sort().map(countryFor);
  return { countries, crosswalk, capitals };
};

const within = (row: { validFrom: string | null; validTo: string | null }, date: string) =>
  (row.validFrom === null || row.validFrom <= date) && (row.validTo === null || date <= row.validTo);

const dayMs = 86_400_000;

/** Days between a date and a validity period; 0 inside it. */
const daysOutside = (row: { validFrom: string | null; validTo: string | null }, date: string): number => {
  const at = Date.parse(date);
  if (row.validFrom && date < row.validFrom) return (Date.parse(row.validFrom) - at) / dayMs;
  if (row.validTo && date > row.validTo) return (at - Date.parse(row.validTo)) / dayMs;
  return 0;
};

const nearestInTime = <T extends { validFrom: string | null; validTo: string | null }>(
  rows: readonly T[],
  date: string,
): T | undefined => [...rows].sort((a, b) => daysOutside(a, date) - daysOutside(b, date))[0];

/**
 * Codes that data keep using after their state's end for the state that continued it: UCDP codes Serbia
 * 345 ("Serbia (Yugoslavia)") after Montenegro's independence, where the Gleditsch–Ward list has 340.
 */
const continuedBy: ReadonlyMap<number, number> = new Map([[345, 340]]);

type ResolvedCountry = { iso3: string; gwcode: number | null; withinValidity: boolean };

/**
 * Resolves country codes at a date. Each method throws a validation error naming the code when it is
 * unknown, has no ISO match, or is ambiguous; a code used outside its validity resolves to its nearest
 * mapping in time and says so (withinValidity false).
 */
export type CountryResolver = {
  /**
   * `toleranceDays`: how far outside its state's validity a GW code may be used before it is an error.
   * Dated events set it; yearly tables, whose rows stand for a whole year, leave it unbounded.
   */
  fromGw(gwcode: number, date: string, toleranceDays?: number): ResolvedCountry;
  fromIso3(iso3: string, date: string): ResolvedCountry;
  fromIsoNumeric(numeric: number, date: string): ResolvedCountry;
  fromIso2(iso2: string, date: string): ResolvedCountry;
  isKnownIso3(iso3: string): boolean;
  isKnownGw(gwcode: number): boolean;
  /** Whether a GW code stood for the country (ISO3) at any time. */
  gwNames(gwcode: number, iso3: string): boolean;
  /** Whether the country (ISO3) existed at any time in [from, to]; ISO-only territories always exist. */
  existedBetween(iso3: string, from: string, to: string): boolean;
};

const codeError = (kind: string, code: string | number, reason: string) =>
  invalid(`${kind} ${code}: ${reason}`, [{ field: kind, message: reason, value: code }]);

export const createResolver = (data: RegistryData): CountryResolver => {
  const byGw = new Map<number, CrosswalkRow[]>();
  const byIso = new Map<string, CrosswalkRow[]>();
  for (const row of data.crosswalk) {
    byGw.set(row.gwcode, [...(byGw.get(row.gwcode) ?? []), row]);
    if (row.iso3 && row.isPrimary) byIso.set(row.iso3, [...(byIso.get(row.iso3) ?? []), row]);
  }
  const countries = new Map(data.countries.map((country) => [country.iso3, country]));
  const byNumeric = new Map(
    data.countries.filter((x) => x.isoNumeric !== null).map((x) => [x.isoNumeric, x.iso3]),
  );
  const byIso2 = new Map(data.countries.filter((x) => x.iso2).map((x) => [x.iso2 as string, x.iso3]));

  const fromIso3 = (iso3: string, date: string): ResolvedCountry => {
    const code = iso3.trim().toUpperCase();
    if (!countries.has(code)) throw codeError("ISO3 code", iso3, "unknown country code");
    const rows = byIso.get(code) ?? [];
    if (rows.length === 0) return { iso3: code, gwcode: null, withinValidity: true };
    const valid = rows.filter((row) => within(row, date));
    const gws = [...new Set((valid.length ? valid : rows).map((row) => row.gwcode))];
    if (gws.length > 1) {
      if (valid.length)
        throw codeError("ISO3 code", iso3, `ambiguous on ${date}: GW codes ${gws.join(", ")}`);
      return { iso3: code, gwcode: nearestInTime(rows, date)?.gwcode ?? null, withinValidity: false };
    }
    return { iso3: code, gwcode: gws[0] ?? null, withinValidity: valid.length > 0 };
  };

  const fromGw = (
    gwcode: number,
    date: string,
    toleranceDays = Number.POSITIVE_INFINITY,
  ): ResolvedCountry => {
    const rows = byGw.get(gwcode);
    if (!rows) throw codeError("GW code", gwcode, "unknown Gleditsch–Ward code");
    const valid = rows.filter((row) => within(row, date));
    const nearest = nearestInTime(rows, date);
    const successor = continuedBy.get(gwcode);
    if (!valid.length && successor !== undefined && rows.every((row) => row.validTo && row.validTo < date))
      return fromGw(successor, date, toleranceDays);
    if (!valid.length && nearest && daysOutside(nearest, date) > toleranceDays)
      throw codeError(
        "GW code",
        gwcode,
        `${nearest.gwName} (GW ${gwcode}) is listed ${[
          nearest.validFrom && `from ${nearest.validFrom}`,
          nearest.validTo && `to ${nearest.validTo}`,
        ]
          .filter(Boolean)
          .join(" ")}, not on ${date}`,
      );
    const candidates = valid.length ? valid : nearest ? [nearest] : [];
    const isos = [...new Set(candidates.map((row) => row.iso3))];
    if (isos.length > 1) throw codeError("GW code", gwcode, `ambiguous on ${date}: ISO3 ${isos.join(", ")}`);
    const iso3 = isos[0];
    if (!iso3)
      throw codeError("GW code", gwcode, `no ISO 3166 match (${candidates[0]?.note ?? rows[0]?.note ?? ""})`);
    return { iso3, gwcode, withinValidity: valid.length > 0 };
  };

  return {
    fromGw,
    fromIso3,
    fromIsoNumeric: (numeric, date) => {
      const iso3 = byNumeric.get(numeric);
      if (!iso3) throw codeError("ISO numeric code", numeric, "unknown country code");
      return fromIso3(iso3, date);
    },
    fromIso2: (iso2, date) => {
      const iso3 = byIso2.get(iso2.trim().toUpperCase());
      if (!iso3) throw codeError("ISO2 code", iso2, "unknown country code");
      return fromIso3(iso3, date);
    },
    isKnownIso3: (iso3) => countries.has(iso3),
    isKnownGw: (gwcode) => byGw.has(gwcode),
    gwNames: (gwcode, iso3) => (byGw.get(gwcode) ?? []).some((row) => row.iso3 === iso3),
    existedBetween: (iso3, from, to) => {
      if (!countries.has(iso3)) return false;
      const rows = byIso.get(iso3);
      if (!rows) return true;
      return rows.some(
        (row) =>
          (row.validFrom === null || row.validFrom <= to) && (row.validTo === null || row.validTo >= from),
      );
    },
  };
};
