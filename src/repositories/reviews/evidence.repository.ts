import { sql } from "kysely";
import { referenceDatasetIds, referenceDatasets } from "../../core/data/reference-datasets.ts";
import { firstDayOf } from "../../core/shared/months.ts";
import type { Db } from "../../db/types.ts";
import { latestPublishedRun } from "../warning/forecast-runs.repository.ts";

/**
 * The country's rows of the published run the watchlist and country page read, with uncertainty and drivers
 * (migration 0003); null when that run does not forecast the country.
 */
export const latestCountryForecast = async (db: Db, iso3: string) => {
  const run = await latestPublishedRun(db);
  if (!run) return null;
  const rows = await db
    .selectFrom("forecasts")
    .select([
      sql<string>`to_char(month, 'YYYY-MM')`.as("month"),
      "horizon",
      "p_gt0 as pGt0",
      "p_ge25 as pGe25",
      "mean",
      "q10",
      "q50",
      "q90",
      "drivers",
    ])
    .where("run_id", "=", run.id)
    .where("iso3", "=", iso3)
    .orderBy("horizon")
    .execute();
  return rows.length > 0 ? { runId: run.id, origin: run.origin, modelVersion: run.modelVersion, rows } : null;
};

/** The last month with any conflict data for a country, as YYYY-MM. */
export const latestDataMonth = async (db: Db, iso3: string): Promise<string | null> => {
  const row = await db
    .selectFrom("country_month")
    .select(sql<string | null>`to_char(max(month), 'YYYY-MM')`.as("month"))
    .where("iso3", "=", iso3)
    .where("dataset_id", "in", referenceDatasetIds)
    .executeTakeFirst();
  return row?.month ?? null;
};

/** Monthly fatalities by type of violence and event counts, per reference source, for a window of months. */
export const countryMonthsInWindow = async (db: Db, iso3: string, from: string, to: string) => {
  const rows = await db
    .selectFrom("country_month as cm")
    .innerJoin("datasets as d", "d.id", "cm.dataset_id")
    .select([
      sql<string>`to_char(cm.month, 'YYYY-MM')`.as("month"),
      "d.title as source",
      sql<number>`sum(coalesce(cm.sb_best, 0))`.as("stateBased"),
      // Null where the source does not record the type of violence (ViEWS holds state-based deaths only).
      sql<number | null>`sum(cm.ns_best)`.as("nonState"),
      sql<number | null>`sum(cm.os_best)`.as("oneSided"),
      sql<number | null>`sum(cm.event_count)::int`.as("events"),
    ])
    .where("cm.iso3", "=", iso3)
    .where("cm.dataset_id", "in", referenceDatasetIds)
    .where("cm.month", ">=", firstDayOf(from))
    .where("cm.month", "<=", firstDayOf(to))
    .groupBy(["cm.month", "d.title"])
    .orderBy("cm.month")
    .orderBy("d.title")
    .execute();
  return rows.map((row) => ({
    ...row,
    stateBased: Number(row.stateBased),
    nonState: row.nonState === null ? null : Number(row.nonState),
    oneSided: row.oneSided === null ? null : Number(row.oneSided),
    events: row.events === null ? null : Number(row.events),
  }));
};

/** The deadliest events of the window, so that the review can cite them. */
export const deadliestEvents = (db: Db, iso3: string, from: string, to: string, limit = 10) =>
  db
    .selectFrom("events")
    .select([
      "source",
      "source_event_id as sourceEventId",
      sql<string>`to_char(date_start, 'YYYY-MM-DD')`.as("date"),
      "type_of_violence as typeOfViolence",
      "best",
      "adm1",
      "side_a as sideA",
      "side_b as sideB",
    ])
    .where("iso3", "=", iso3)
    .where("dataset_id", "in", referenceDatasetIds)
    .where("month", ">=", firstDayOf(from))
    .where("month", "<=", firstDayOf(to))
    .orderBy("best", "desc")
    .orderBy("date_start")
    .limit(limit)
    .execute();

/** Armed conflicts located in the country in its two most recent years of conflict data. */
export const recentConflicts = async (db: Db, iso3: string) => {
  const located = sql<boolean>`${iso3} = ANY (string_to_array(replace(iso3_loc, ' ', ''), ','))`;
  const latest = await db
    .selectFrom("conflicts")
    .select(sql<number | null>`max(year)`.as("year"))
    .where("dataset_id", "=", referenceDatasets.conflicts)
    .executeTakeFirst();
  if (!latest?.year) return [];
  return db
    .selectFrom("conflicts")
    .select([
      "conflict_id as conflictId",
      "year",
      "side_a as sideA",
      "side_b as sideB",
      "intensity_level as intensityLevel",
      "territory_name as territoryName",
    ])
    .where(located)
    .where("dataset_id", "=", referenceDatasets.conflicts)
    .where("year", ">=", latest.year - 1)
    .orderBy("year", "desc")
    .orderBy("conflict_id")
    .execute();
};

/** The latest value of each country-year indicator for the country. */
export const latestIndicators = async (db: Db, iso3: string, readable: ReadonlySet<string>) => {
  if (readable.size === 0) return [];
  const result = await sql<{ code: string; name: string; unit: string; year: number; value: number }>`
    SELECT DISTINCT ON (v.indicator) v.indicator AS code, coalesce(d.name, v.indicator) AS name,
           coalesce(d.unit, '') AS unit, v.year, v.value
    FROM indicator_values v
    LEFT JOIN indicator_definitions d ON d.dataset_id = v.dataset_id AND d.code = v.indicator
    WHERE v.iso3 = ${iso3} AND v.dataset_id IN (${sql.join([...readable])})
    ORDER BY v.indicator, v.year DESC, v.dataset_id`.execute(db);
  return result.rows.map((row) => ({ ...row, value: Number(row.value) }));
};
