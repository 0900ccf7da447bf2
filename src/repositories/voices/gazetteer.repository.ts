import { sql } from "kysely";
import { languages } from "../../core/shared/languages.ts";
import { countryPlaceNames, type GazetteerEntry } from "../../core/voices/gazetteer.ts";
import type { Db } from "../../db/types.ts";

/** Admin areas from the events of some datasets (adm_1/adm_2 with the mean of their event coordinates). */
export const adminAreasFromEvents = async (
  db: Db,
  datasetIds: readonly string[],
): Promise<GazetteerEntry[]> => {
  if (!datasetIds.length) return [];
  // Some GED subsets locate events only by PRIO-GRID cell: the cell centre stands in for the point.
  const result = await sql<{
    iso3: string;
    adm1: string;
    adm2: string | null;
    level: number;
    latitude: number;
    longitude: number;
    n: number;
  }>`
    WITH located AS (
      SELECT iso3, adm1, nullif(adm2, '') AS adm2,
        coalesce(latitude, floor((priogrid_gid - 1) / 720) * 0.5 - 89.75) AS lat,
        coalesce(longitude, mod(priogrid_gid - 1, 720) * 0.5 - 179.75) AS lon
      FROM events
      WHERE dataset_id IN (${sql.join(datasetIds)})
        AND iso3 IS NOT NULL AND adm1 IS NOT NULL AND adm1 <> ''
        AND (latitude IS NOT NULL OR priogrid_gid IS NOT NULL)
    )
    SELECT iso3, adm1, adm2, GROUPING(adm2) AS level, avg(lat) AS latitude, avg(lon) AS longitude, count(*)::int AS n
    FROM located
    GROUP BY GROUPING SETS ((iso3, adm1), (iso3, adm1, adm2))`.execute(db);
  return result.rows
    .filter((row) => Number(row.level) === 1 || row.adm2 !== null)
    .map((row) => ({
      iso3: row.iso3,
      level: Number(row.level) === 1 ? ("adm1" as const) : ("adm2" as const),
      name: Number(row.level) === 1 ? row.adm1 : (row.adm2 as string),
      adm1: Number(row.level) === 1 ? null : row.adm1,
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
      weight: row.n,
    }));
};

/** Capitals (country_capitals, current ones) and country names from the registry. */
export const registryPlaces = async (db: Db): Promise<GazetteerEntry[]> => {
  const capitals = await db
    .selectFrom("country_capitals")
    .select(["iso3", "capital", "latitude", "longitude"])
    .where("iso3", "is not", null)
    .where("valid_to", "is", null)
    .execute();
  const countries = await db
    .selectFrom("countries")
    .select(["iso3", "iso2", "name", "official_name", "official_names"])
    .execute();
  return [
    ...capitals.map((c) => ({
      iso3: c.iso3 as string,
      level: "capital" as const,
      name: c.capital,
      adm1: null,
      latitude: c.latitude,
      longitude: c.longitude,
      weight: 0,
    })),
    ...countries.flatMap((c) =>
      countryPlaceNames({
        iso2: c.iso2,
        names: [c.name, c.official_name, ...Object.values(c.official_names as Record<string, string>)],
        languages,
      }).map((name) => ({
        iso3: c.iso3,
        level: "country" as const,
        name,
        adm1: null,
        latitude: null,
        longitude: null,
        weight: 0,
      })),
    ),
  ];
};

export const replaceGazetteer = async (
  db: Db,
  entries: readonly (GazetteerEntry & { key: string })[],
): Promise<void> => {
  await db.deleteFrom("voices_gazetteer").execute();
  for (let i = 0; i < entries.length; i += 1000) {
    await db
      .insertInto("voices_gazetteer")
      .values(
        entries.slice(i, i + 1000).map((e) => ({
          iso3: e.iso3,
          level: e.level,
          name: e.name,
          key: e.key,
          adm1: e.adm1,
          latitude: e.latitude,
          longitude: e.longitude,
          weight: e.weight,
        })),
      )
      .execute();
  }
};

export const findGazetteerKeys = async (
  db: Db,
  keys: readonly string[],
  iso3: string | undefined,
): Promise<(GazetteerEntry & { key: string })[]> => {
  if (keys.length === 0) return [];
  let query = db
    .selectFrom("voices_gazetteer")
    .select(["iso3", "level", "name", "key", "adm1", "latitude", "longitude", "weight"])
    .where("key", "in", keys);
  if (iso3) query = query.where("iso3", "=", iso3);
  return (await query.limit(200).execute()).map((row) => ({
    ...row,
    level: row.level as GazetteerEntry["level"],
  }));
};

export const countryExists = async (db: Db, iso3: string): Promise<boolean> =>
  (await db.selectFrom("countries").select("iso3").where("iso3", "=", iso3).executeTakeFirst()) !== undefined;

/** A country's ISO 3166-1 numeric code, the key of the border data. */
export const isoNumericOf = async (db: Db, iso3: string): Promise<number | null> =>
  (await db.selectFrom("countries").select("iso_numeric").where("iso3", "=", iso3).executeTakeFirst())
    ?.iso_numeric ?? null;

/** The current country with an ISO 3166-1 numeric code (the border data's key). */
export const countryByNumeric = (db: Db, isoNumeric: number) =>
  db
    .selectFrom("countries")
    .select(["iso3", "name"])
    .where("iso_numeric", "=", isoNumeric)
    .orderBy("valid_to", "desc")
    .executeTakeFirst();

export const countryCount = async (db: Db): Promise<number> =>
  (await db.selectFrom("countries").select(sql<number>`count(*)::int`.as("n")).executeTakeFirst())?.n ?? 0;

/** ISO3 for an ISO 3166-1 alpha-2 code or a country name, from the registry. */
export const resolveCountry = async (
  db: Db,
  code: string,
  codes: "iso3" | "iso2" | "name",
): Promise<string | undefined> => {
  const query = db.selectFrom("countries").select("iso3");
  const row =
    codes === "iso3"
      ? await query.where("iso3", "=", code.toUpperCase()).executeTakeFirst()
      : codes === "iso2"
        ? await query.where("iso2", "=", code.toUpperCase()).executeTakeFirst()
        : await query.where(sql`lower(name)`, "=", code.toLowerCase()).executeTakeFirst();
  return row?.iso3;
};

/** The nearest gazetteer point within `km` (for a point given without a country). */
export const nearestPlace = async (db: Db, latitude: number, longitude: number, km: number) => {
  const degrees = km / 111;
  const rows = await db
    .selectFrom("voices_gazetteer")
    .select(["iso3", "level", "name", "adm1", "latitude", "longitude"])
    .where("level", "in", ["adm2", "adm1", "capital"])
    .where("latitude", ">=", latitude - degrees)
    .where("latitude", "<=", latitude + degrees)
    .where("longitude", ">=", longitude - degrees * 2)
    .where("longitude", "<=", longitude + degrees * 2)
    .limit(500)
    .execute();
  return rows;
};

/** Current countries for the public form's list. */
export const listCurrentCountries = (
  db: Db,
): Promise<{ iso3: string; iso2: string | null; name: string }[]> =>
  db
    .selectFrom("countries")
    .select(["iso3", "iso2", "name"])
    .where("iso_status", "=", "current")
    .orderBy("name")
    .execute();
