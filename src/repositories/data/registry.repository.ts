import { isoCodesByAlias } from "../../core/data/country-aliases.ts";
import type { CountryNaming } from "../../core/data/country-names.ts";
import type { CapitalRecord, CountryRecord, CrosswalkRow, RegistryData } from "../../core/data/registry.ts";
import type { Db } from "../../db/types.ts";
import { chunks } from "../chunks.ts";
import { containsPattern } from "../contains-pattern.ts";

export type Provenance = { datasetId: string; datasetVersion: string };

/** Replaces the country registry (a few hundred rows, so plain inserts). Run inside a transaction. */
export const replaceRegistry = async (
  db: Db,
  data: RegistryData,
  iso: Provenance,
  gw: Provenance,
): Promise<void> => {
  await db.deleteFrom("country_capitals").execute();
  await db.deleteFrom("country_crosswalk").execute();
  await db.deleteFrom("countries").execute();
  for (const part of chunks(data.countries, 200)) {
    await db
      .insertInto("countries")
      .values(
        part.map((c) => ({
          iso3: c.iso3,
          iso2: c.iso2,
          iso_numeric: c.isoNumeric,
          name: c.name,
          official_name: c.officialName,
          official_names: JSON.stringify(c.officialNames),
          region: c.region,
          subregion: c.subregion,
          gwcode: c.gwcode,
          iso_status: c.isoStatus,
          independent: c.independent,
          valid_from: c.validFrom,
          valid_to: c.validTo,
          capital: c.capital,
          capital_lat: c.capitalLat,
          capital_lon: c.capitalLon,
          dataset_id: iso.datasetId,
          dataset_version: iso.datasetVersion,
        })),
      )
      .execute();
  }
  for (const part of chunks(data.crosswalk, 200)) {
    await db
      .insertInto("country_crosswalk")
      .values(
        part.map((x) => ({
          gwcode: x.gwcode,
          gw_name: x.gwName,
          gw_abbreviation: x.gwAbbreviation,
          gw_listed: x.gwListed,
          iso3: x.iso3,
          valid_from: x.validFrom,
          valid_to: x.validTo,
          is_primary: x.isPrimary,
          note: x.note,
          dataset_id: gw.datasetId,
          dataset_version: gw.datasetVersion,
        })),
      )
      .execute();
  }
  for (const part of chunks(data.capitals, 200)) {
    await db
      .insertInto("country_capitals")
      .values(
        part.map((c) => ({
          gwcode: c.gwcode,
          iso3: c.iso3,
          capital: c.capital,
          valid_from: c.validFrom,
          valid_to: c.validTo,
          latitude: c.latitude,
          longitude: c.longitude,
          dataset_id: gw.datasetId,
          dataset_version: gw.datasetVersion,
        })),
      )
      .execute();
  }
};

/** The registry as stored, to build a resolver from. */
export const loadRegistry = async (db: Db): Promise<RegistryData> => {
  const countries = await db.selectFrom("countries").selectAll().orderBy("iso3").execute();
  const crosswalk = await db.selectFrom("country_crosswalk").selectAll().orderBy("id").execute();
  const capitals = await db.selectFrom("country_capitals").selectAll().execute();
  return {
    countries: countries.map(
      (c): CountryRecord => ({
        iso3: c.iso3,
        iso2: c.iso2,
        isoNumeric: c.iso_numeric,
        name: c.name,
        officialName: c.official_name,
        officialNames: c.official_names as Record<string, string>,
        region: c.region,
        subregion: c.subregion,
        gwcode: c.gwcode,
        isoStatus: c.iso_status as CountryRecord["isoStatus"],
        independent: c.independent,
        validFrom: c.valid_from,
        validTo: c.valid_to,
        capital: c.capital,
        capitalLat: c.capital_lat,
        capitalLon: c.capital_lon,
      }),
    ),
    crosswalk: crosswalk.map(
      (x): CrosswalkRow => ({
        gwcode: x.gwcode,
        gwName: x.gw_name,
        gwAbbreviation: x.gw_abbreviation,
        gwListed: x.gw_listed,
        iso3: x.iso3,
        validFrom: x.valid_from,
        validTo: x.valid_to,
        isPrimary: x.is_primary,
        note: x.note,
      }),
    ),
    capitals: capitals.map(
      (c): CapitalRecord => ({
        gwcode: c.gwcode,
        iso3: c.iso3,
        capital: c.capital,
        validFrom: c.valid_from,
        validTo: c.valid_to,
        latitude: c.latitude,
        longitude: c.longitude,
      }),
    ),
  };
};

export type CountrySummary = CountryRecord & { datasetId: string; datasetVersion: string };

const countryColumns = [
  "iso3",
  "iso2",
  "iso_numeric as isoNumeric",
  "name",
  "official_name as officialName",
  "official_names as officialNames",
  "region",
  "subregion",
  "gwcode",
  "iso_status as isoStatus",
  "independent",
  "valid_from as validFrom",
  "valid_to as validTo",
  "capital",
  "capital_lat as capitalLat",
  "capital_lon as capitalLon",
  "dataset_id as datasetId",
  "dataset_version as datasetVersion",
] as const;

export const listCountries = async (
  db: Db,
  filter: { search?: string; independentOnly?: boolean; existingOn?: string } = {},
): Promise<CountrySummary[]> => {
  let query = db.selectFrom("countries").select(countryColumns).orderBy("name");
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    const codes = [filter.search.toUpperCase(), ...isoCodesByAlias(filter.search)];
    query = query.where((eb) => eb.or([eb("name", "ilike", pattern), eb("iso3", "in", codes)]));
  }
  if (filter.independentOnly) query = query.where("independent", "=", true);
  if (filter.existingOn) {
    const on = filter.existingOn;
    query = query.where((eb) =>
      eb.and([
        eb.or([eb("valid_from", "is", null), eb("valid_from", "<=", on)]),
        eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", on)]),
      ]),
    );
  }
  return (await query.execute()) as CountrySummary[];
};

export type CountryDetail = CountrySummary & {
  crosswalk: (CrosswalkRow & { datasetId: string })[];
  capitals: CapitalRecord[];
};

export const findCountry = async (db: Db, iso3: string): Promise<CountryDetail | undefined> => {
  const country = await db
    .selectFrom("countries")
    .select(countryColumns)
    .where("iso3", "=", iso3)
    .executeTakeFirst();
  if (!country) return undefined;
  const crosswalk = await db
    .selectFrom("country_crosswalk")
    .selectAll()
    .where("iso3", "=", iso3)
    .orderBy("valid_from")
    .execute();
  const gwcodes = [...new Set(crosswalk.map((x) => x.gwcode))];
  const capitals = gwcodes.length
    ? await db
        .selectFrom("country_capitals")
        .selectAll()
        .where("gwcode", "in", gwcodes)
        .where((eb) => eb.or([eb("iso3", "=", iso3), eb("iso3", "is", null)]))
        .orderBy("valid_from")
        .execute()
    : [];
  return {
    ...(country as CountrySummary),
    crosswalk: crosswalk.map((x) => ({
      gwcode: x.gwcode,
      gwName: x.gw_name,
      gwAbbreviation: x.gw_abbreviation,
      gwListed: x.gw_listed,
      iso3: x.iso3,
      validFrom: x.valid_from,
      validTo: x.valid_to,
      isPrimary: x.is_primary,
      note: x.note,
      datasetId: x.dataset_id,
    })),
    capitals: capitals.map((c) => ({
      gwcode: c.gwcode,
      iso3: c.iso3,
      capital: c.capital,
      validFrom: c.valid_from,
      validTo: c.valid_to,
      latitude: c.latitude,
      longitude: c.longitude,
    })),
  };
};

/** What a country is named by (its English name and alpha-2 code), or undefined for a code the registry does not know. */
export const findCountryNaming = (db: Db, iso3: string): Promise<CountryNaming | undefined> =>
  db.selectFrom("countries").select(["iso3", "name", "iso2"]).where("iso3", "=", iso3).executeTakeFirst();

/** A country's name as the registry holds it (English), or undefined for a code it does not know. */
export const findCountryName = async (db: Db, iso3: string): Promise<string | undefined> =>
  (await db.selectFrom("countries").select("name").where("iso3", "=", iso3).executeTakeFirst())?.name;

/** Whether the registry knows an ISO alpha-3 code (current, former or user-assigned such as XKX). */
export const isKnownCountry = async (db: Db, iso3: string): Promise<boolean> =>
  Boolean(await db.selectFrom("countries").select("iso3").where("iso3", "=", iso3).executeTakeFirst());
