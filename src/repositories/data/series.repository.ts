import { sql } from "kysely";
import { firstDayOf, monthRange } from "../../core/shared/months.ts";
import type { Db } from "../../db/types.ts";

const monthText = sql<string>`to_char(month, 'YYYY-MM')`;

export type CountryMonthRow = {
  datasetId: string;
  /** The release the row was imported with (an update re-dates only the rows it changed). */
  datasetVersion: string;
  series: string;
  iso3: string;
  month: string;
  sbBest: number | null;
  nsBest: number | null;
  osBest: number | null;
  otherBest: number | null;
  eventCount: number | null;
};

export type SeriesFilter = {
  iso3?: string[];
  from?: string;
  to?: string;
  series?: "views" | "events";
  datasetIds?: string[];
};

/** Country-month series; ViEWS rows of one country and month (border changes) are summed. */
export const queryCountryMonths = async (db: Db, f: SeriesFilter): Promise<CountryMonthRow[]> => {
  let q = db
    .selectFrom("country_month")
    .select([
      "dataset_id as datasetId",
      sql<string>`max(dataset_version)`.as("datasetVersion"),
      "series",
      "iso3",
      monthText.as("month"),
      sql<number | null>`sum(sb_best)`.as("sbBest"),
      sql<number | null>`sum(ns_best)`.as("nsBest"),
      sql<number | null>`sum(os_best)`.as("osBest"),
      sql<number | null>`sum(other_best)`.as("otherBest"),
      sql<number | null>`sum(event_count)::int`.as("eventCount"),
    ])
    .groupBy(["dataset_id", "series", "iso3", "month"])
    .orderBy("iso3")
    .orderBy("month")
    .orderBy("dataset_id");
  if (f.iso3?.length) q = q.where("iso3", "in", f.iso3);
  if (f.from) q = q.where("month", ">=", firstDayOf(f.from));
  if (f.to) q = q.where("month", "<=", firstDayOf(f.to));
  if (f.series) q = q.where("series", "=", f.series);
  if (f.datasetIds?.length) q = q.where("dataset_id", "in", f.datasetIds);
  return q.execute();
};

export type Bbox = { south: number; west: number; north: number; east: number };

export type GridMonthRow = {
  datasetId: string;
  datasetVersion: string;
  priogridGid: number;
  month: string;
  sbBest: number;
  nsBest: number;
  osBest: number;
  otherBest: number;
  eventCount: number;
};

const gidsInBbox = (b: Bbox) => {
  // Rows and columns of the cells the box touches (same formula as core/data/priogrid.ts).
  const row0 = Math.floor((Math.max(b.south, -90) + 90) / 0.5) + 1;
  const row1 = Math.min(Math.floor((Math.min(b.north, 90) + 90) / 0.5) + 1, 360);
  const col0 = Math.floor((Math.max(b.west, -180) + 180) / 0.5) + 1;
  const col1 = Math.min(Math.floor((Math.min(b.east, 180) + 180) / 0.5) + 1, 720);
  return { row0, row1, col0, col1 };
};

export const queryGridMonths = async (
  db: Db,
  f: { bbox?: Bbox; gids?: number[]; from?: string; to?: string; datasetIds?: string[]; limit?: number },
): Promise<GridMonthRow[]> => {
  let q = db
    .selectFrom("grid_month")
    .select([
      "dataset_id as datasetId",
      "dataset_version as datasetVersion",
      "priogrid_gid as priogridGid",
      monthText.as("month"),
      "sb_best as sbBest",
      "ns_best as nsBest",
      "os_best as osBest",
      "other_best as otherBest",
      "event_count as eventCount",
    ])
    .orderBy("month")
    .orderBy("priogrid_gid")
    .limit(Math.min(f.limit ?? 50_000, 200_000));
  if (f.gids?.length) q = q.where("priogrid_gid", "in", f.gids);
  if (f.bbox) {
    const { row0, row1, col0, col1 } = gidsInBbox(f.bbox);
    q = q
      .where(sql<boolean>`(priogrid_gid - 1) / 720 + 1 BETWEEN ${row0} AND ${row1}`)
      .where(sql<boolean>`(priogrid_gid - 1) % 720 + 1 BETWEEN ${col0} AND ${col1}`);
  }
  if (f.from) q = q.where("month", ">=", firstDayOf(f.from));
  if (f.to) q = q.where("month", "<=", firstDayOf(f.to));
  if (f.datasetIds?.length) q = q.where("dataset_id", "in", f.datasetIds);
  return q.execute();
};

export type EventFilter = {
  bbox?: Bbox;
  /** One event by the source's id (with datasetIds). */
  eventId?: string;
  from?: string;
  to?: string;
  iso3?: string[];
  typeOfViolence?: number[];
  datasetIds?: string[];
  limit?: number;
  offset?: number;
};

export type EventRow = {
  datasetId: string;
  datasetVersion: string;
  source: string;
  sourceEventId: string;
  typeOfViolence: number | null;
  eventType: string | null;
  dateStart: string;
  dateEnd: string;
  best: number;
  low: number;
  high: number;
  latitude: number | null;
  longitude: number | null;
  priogridGid: number | null;
  iso3: string | null;
  gwcode: number | null;
  adm1: string | null;
  conflictName: string | null;
  sideA: string | null;
  sideB: string | null;
};

/** Events by bounding box (latitude/longitude), date (YYYY-MM-DD, on date_start) and country, paginated. */
export const queryEvents = async (db: Db, f: EventFilter): Promise<{ total: number; events: EventRow[] }> => {
  let q = db.selectFrom("events");
  if (f.bbox) {
    // Events without coordinates (e.g. GED rows that only carry a PRIO-GRID cell) match by their cell.
    const b = f.bbox;
    const { row0, row1, col0, col1 } = gidsInBbox(b);
    q = q.where((eb) =>
      eb.or([
        eb.and([
          eb("latitude", ">=", b.south),
          eb("latitude", "<=", b.north),
          eb("longitude", ">=", b.west),
          eb("longitude", "<=", b.east),
        ]),
        eb.and([
          eb("latitude", "is", null),
          eb(sql<number>`(priogrid_gid - 1) / 720 + 1`, ">=", row0),
          eb(sql<number>`(priogrid_gid - 1) / 720 + 1`, "<=", row1),
          eb(sql<number>`(priogrid_gid - 1) % 720 + 1`, ">=", col0),
          eb(sql<number>`(priogrid_gid - 1) % 720 + 1`, "<=", col1),
        ]),
      ]),
    );
  }
  if (f.from) q = q.where("date_start", ">=", f.from);
  if (f.to) q = q.where("date_start", "<=", f.to);
  if (f.iso3?.length) q = q.where("iso3", "in", f.iso3);
  if (f.typeOfViolence?.length) q = q.where("type_of_violence", "in", f.typeOfViolence);
  if (f.datasetIds?.length) q = q.where("dataset_id", "in", f.datasetIds);
  if (f.eventId) q = q.where("source_event_id", "=", f.eventId);
  const total = await q.select(sql<number>`count(*)::int`.as("n")).executeTakeFirst();
  const events = await q
    .select([
      "dataset_id as datasetId",
      "dataset_version as datasetVersion",
      "source",
      "source_event_id as sourceEventId",
      "type_of_violence as typeOfViolence",
      "event_type as eventType",
      sql<string>`to_char(date_start, 'YYYY-MM-DD')`.as("dateStart"),
      sql<string>`to_char(date_end, 'YYYY-MM-DD')`.as("dateEnd"),
      "best",
      "low",
      "high",
      "latitude",
      "longitude",
      "priogrid_gid as priogridGid",
      "iso3",
      "gwcode",
      "adm1",
      "conflict_name as conflictName",
      "side_a as sideA",
      "side_b as sideB",
    ])
    .orderBy("date_start")
    .orderBy("dataset_id")
    .orderBy("source_event_id")
    // Callers cap the page size (the API: 5,000 a page, 100,000 for a download).
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0)
    .execute();
  return { total: total?.n ?? 0, events };
};

/** One event by its dataset and the source's own id. */
export const findEvent = async (db: Db, datasetId: string, sourceEventId: string) =>
  (await queryEvents(db, { datasetIds: [datasetId], eventId: sourceEventId, limit: 1 })).events[0];

/** Per-country fatality totals over a span of months (one series), with the ISO numeric code maps use. */
export const queryCountryTotals = async (
  db: Db,
  f: { from: string; to: string; series: "views" | "events"; datasetIds?: string[] },
) => {
  let q = db
    .selectFrom("country_month as m")
    .innerJoin("countries as c", "c.iso3", "m.iso3")
    .select([
      "m.iso3",
      "c.iso_numeric as isoNumeric",
      "c.name",
      sql<number>`coalesce(sum(m.sb_best), 0)`.as("sbBest"),
      sql<number>`coalesce(sum(m.ns_best), 0)`.as("nsBest"),
      sql<number>`coalesce(sum(m.os_best), 0)`.as("osBest"),
      sql<number>`coalesce(sum(m.other_best), 0)`.as("otherBest"),
      sql<number>`count(DISTINCT m.month)::int`.as("months"),
    ])
    .where("m.series", "=", f.series)
    .where("m.month", ">=", firstDayOf(f.from))
    .where("m.month", "<=", firstDayOf(f.to))
    .groupBy(["m.iso3", "c.iso_numeric", "c.name"])
    .orderBy("m.iso3");
  if (f.datasetIds?.length) q = q.where("m.dataset_id", "in", f.datasetIds);
  return q.execute();
};

/**
 * Every event of a country and span as compact map points. Events located only by their PRIO-GRID cell
 * get the cell's centre, and are counted so the map can say so.
 */
export const queryEventPoints = async (
  db: Db,
  f: { iso3: string; from?: string; to?: string; datasetIds?: string[] },
) => {
  let q = db
    .selectFrom("events")
    .select([
      "dataset_id as datasetId",
      "source_event_id as id",
      sql<number | null>`coalesce(latitude, ((priogrid_gid - 1) / 720) * 0.5 - 90 + 0.25)`.as("lat"),
      sql<number | null>`coalesce(longitude, ((priogrid_gid - 1) % 720) * 0.5 - 180 + 0.25)`.as("lon"),
      sql<boolean>`latitude IS NULL`.as("byCell"),
      "best",
      "type_of_violence as type",
      sql<string>`to_char(date_start, 'YYYY-MM-DD')`.as("date"),
    ])
    .where("iso3", "=", f.iso3)
    .orderBy("date_start")
    .orderBy("source_event_id");
  if (f.from) q = q.where("date_start", ">=", f.from);
  if (f.to) q = q.where("date_start", "<=", f.to);
  if (f.datasetIds?.length) q = q.where("dataset_id", "in", f.datasetIds);
  return q.execute();
};

export const queryConflicts = async (
  db: Db,
  f: { iso3?: string; fromYear?: number; toYear?: number; datasetIds: readonly string[] },
) => {
  let q = db
    .selectFrom("conflicts")
    .selectAll()
    .where("dataset_id", "in", [...f.datasetIds])
    .orderBy("year")
    .orderBy("conflict_id");
  if (f.iso3) q = q.where(sql<boolean>`${f.iso3} = ANY (string_to_array(iso3_loc, ','))`);
  if (f.fromYear !== undefined) q = q.where("year", ">=", f.fromYear);
  if (f.toYear !== undefined) q = q.where("year", "<=", f.toYear);
  return q.execute();
};

/**
 * Indicator definitions. With `iso3`, `value_count` counts that country's values only, so a page can open
 * on an indicator the country has (many indicators cover only some countries or years).
 */
export const queryIndicatorDefinitions = async (db: Db, f: { iso3?: string } = {}) => {
  const { iso3 } = f;
  if (!iso3)
    return db.selectFrom("indicator_definitions").selectAll().orderBy("dataset_id").orderBy("code").execute();
  return db
    .selectFrom("indicator_definitions as d")
    .leftJoin(
      db
        .selectFrom("indicator_values")
        .select(["dataset_id", "indicator", sql<number>`count(*)::int`.as("n")])
        .where("iso3", "=", iso3)
        .groupBy(["dataset_id", "indicator"])
        .as("v"),
      (join) => join.onRef("v.dataset_id", "=", "d.dataset_id").onRef("v.indicator", "=", "d.code"),
    )
    .select([
      "d.dataset_id",
      "d.code",
      "d.name",
      "d.unit",
      "d.description",
      "d.source",
      "d.licence",
      sql<number>`coalesce(v.n, 0)`.as("value_count"),
    ])
    .orderBy("d.dataset_id")
    .orderBy("d.code")
    .execute();
};

export const queryIndicatorValues = async (
  db: Db,
  f: { datasetIds: string[]; indicator: string; iso3?: string[]; fromYear?: number; toYear?: number },
) => {
  if (!f.datasetIds.length) return [];
  let q = db
    .selectFrom("indicator_values")
    .select([
      "dataset_id as datasetId",
      "dataset_version as datasetVersion",
      "indicator",
      "country_ref as countryRef",
      "iso3",
      "gwcode",
      "year",
      "value",
    ])
    .where("indicator", "=", f.indicator)
    .where("dataset_id", "in", f.datasetIds)
    .orderBy("country_ref")
    .orderBy("year");
  if (f.iso3?.length) q = q.where("iso3", "in", f.iso3);
  if (f.fromYear !== undefined) q = q.where("year", ">=", f.fromYear);
  if (f.toYear !== undefined) q = q.where("year", "<=", f.toYear);
  return q.execute();
};

/** Deaths per place (an ISO3 code or a PRIO-GRID cell) and month, by type of violence. */
export type EventMonthRow = { place: string | number; month: string; sb: number; ns: number; os: number };

// PostgreSQL sums integers as bigint, which arrives as text.
const deathsOf = (r: { sb: unknown; ns: unknown; os: unknown }) => ({
  sb: Number(r.sb ?? 0),
  ns: Number(r.ns ?? 0),
  os: Number(r.os ?? 0),
});

/**
 * `event-months` rows from the stored aggregations (month = month of date_start, best summed over the
 * chosen event datasets). Country level: zero rows included for every covered country-month that existed.
 * Grid level: dense over the cells that ever had an event in the chosen datasets and the months of their span.
 */
export const eventMonthRows = async (
  db: Db,
  f: { level: "country" | "grid"; from: string; to: string; datasetIds: string[] },
): Promise<EventMonthRow[]> => {
  if (f.datasetIds.length === 0) return [];
  if (f.level === "country") {
    const rows = await db
      .selectFrom("country_month")
      .select([
        "iso3",
        monthText.as("month"),
        sql<number>`sum(sb_best)`.as("sb"),
        sql<number>`sum(ns_best)`.as("ns"),
        sql<number>`sum(os_best)`.as("os"),
      ])
      .where("series", "=", "events")
      .where("dataset_id", "in", f.datasetIds)
      .where("month", ">=", firstDayOf(f.from))
      .where("month", "<=", firstDayOf(f.to))
      .groupBy(["iso3", "month"])
      .orderBy("iso3")
      .orderBy("month")
      .execute();
    return rows.map((r) => ({ place: r.iso3, month: r.month, ...deathsOf(r) }));
  }
  const span = await db
    .selectFrom("datasets")
    .select([
      sql<string | null>`to_char(min(span_start), 'YYYY-MM')`.as("start"),
      sql<string | null>`to_char(max(span_end), 'YYYY-MM')`.as("end"),
    ])
    .where("id", "in", f.datasetIds)
    .executeTakeFirst();
  const from = span?.start && span.start > f.from ? span.start : f.from;
  const to = span?.end && span.end < f.to ? span.end : f.to;
  // A cell is zero-filled only in months its countries' data cover, as at country level: Syria's release
  // starting in 2016 says nothing of an Aleppo cell in 1989.
  const cells = await db
    .selectFrom("grid_month")
    .select("priogrid_gid as gid")
    .distinct()
    .where("dataset_id", "in", f.datasetIds)
    .orderBy("priogrid_gid")
    .execute();
  const cellCountries = await db
    .selectFrom("events")
    .select(["priogrid_gid as gid", "iso3"])
    .distinct()
    .where("dataset_id", "in", f.datasetIds)
    .where("priogrid_gid", "is not", null)
    .where("iso3", "is not", null)
    .execute();
  const covered = await db
    .selectFrom("country_month")
    .select(["iso3", monthText.as("month")])
    .distinct()
    .where("series", "=", "events")
    .where("dataset_id", "in", f.datasetIds)
    .where("month", ">=", firstDayOf(from))
    .where("month", "<=", firstDayOf(to))
    .execute();
  const coveredMonths = new Set(covered.map((r) => `${r.iso3}|${r.month}`));
  const countriesOf = new Map<number, string[]>();
  for (const { gid, iso3 } of cellCountries)
    if (gid !== null && iso3 !== null) countriesOf.set(gid, [...(countriesOf.get(gid) ?? []), iso3]);
  const sparse = await db
    .selectFrom("grid_month")
    .select([
      "priogrid_gid as gid",
      monthText.as("month"),
      sql<number>`sum(sb_best)`.as("sb"),
      sql<number>`sum(ns_best)`.as("ns"),
      sql<number>`sum(os_best)`.as("os"),
    ])
    .where("dataset_id", "in", f.datasetIds)
    .where("month", ">=", firstDayOf(from))
    .where("month", "<=", firstDayOf(to))
    .groupBy(["priogrid_gid", "month"])
    .execute();
  const values = new Map(sparse.map((r) => [`${r.gid}|${r.month}`, r]));
  const months = monthRange(from, to);
  const out: EventMonthRow[] = [];
  for (const { gid } of cells) {
    const countries = countriesOf.get(gid) ?? [];
    for (const month of months) {
      const r = values.get(`${gid}|${month}`);
      if (r) out.push({ place: gid, month, ...deathsOf(r) });
      else if (countries.some((iso3) => coveredMonths.has(`${iso3}|${month}`)))
        out.push({ place: gid, month, sb: 0, ns: 0, os: 0 });
    }
  }
  return out;
};
