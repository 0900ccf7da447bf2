import { sql } from "kysely";
import type { Actor } from "../../core/access/actor.ts";
import type { Db } from "../../db/types.ts";
import { visibleTo } from "../access/visibility.ts";

/** Whose eyes: a person (the records they may see) or "platform" (every record, for scheduling itself). */
type ScheduleReader = Actor | "platform";

const reviewsSeenBy = (reader: ScheduleReader) =>
  reader === "platform" ? sql<boolean>`true` : visibleTo(reader, "reviews", "rv");

/** The reader's own organisation's review comes before another's public one of the same country. */
const ownFirst = (reader: ScheduleReader) =>
  reader === "platform" ? sql`` : sql`(rv.owner_org_id = ${reader.orgId}) DESC,`;

export type CycleRecord = {
  id: string;
  name: string;
  startsOn: string;
  lengthMonths: number;
  frameworkId: string;
  countries: number;
};

export const listCycles = async (db: Db): Promise<CycleRecord[]> =>
  (
    await db
      .selectFrom("review_cycles as c")
      .select([
        "c.id",
        "c.name",
        sql<string>`to_char(c.starts_on, 'YYYY-MM-DD')`.as("startsOn"),
        "c.length_months as lengthMonths",
        "c.framework_id as frameworkId",
        sql<number>`(SELECT count(*)::int FROM review_schedule s WHERE s.cycle_id = c.id)`.as("countries"),
      ])
      .orderBy("c.starts_on", "desc")
      .execute()
  ).map((row) => ({ ...row, countries: Number(row.countries) }));

export const findCycle = async (db: Db, id: string): Promise<CycleRecord | undefined> =>
  (await listCycles(db)).find((cycle) => cycle.id === id);

export const insertCycle = async (
  db: Db,
  input: { name: string; startsOn: string; lengthMonths: number; frameworkId: string; createdBy: string },
): Promise<string> =>
  (
    await db
      .insertInto("review_cycles")
      .values({
        name: input.name,
        starts_on: input.startsOn,
        length_months: input.lengthMonths,
        framework_id: input.frameworkId,
        created_by: input.createdBy,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;

export const insertScheduleEntries = async (
  db: Db,
  cycleId: string,
  entries: readonly { iso3: string; plannedFor: string; dueOn: string }[],
): Promise<void> => {
  for (let i = 0; i < entries.length; i += 500) {
    await db
      .insertInto("review_schedule")
      .values(
        entries.slice(i, i + 500).map((entry) => ({
          cycle_id: cycleId,
          iso3: entry.iso3,
          planned_for: entry.plannedFor,
          due_on: entry.dueOn,
        })),
      )
      .execute();
  }
};

export const bringForward = async (
  db: Db,
  cycleId: string,
  iso3: string,
  plannedFor: string,
  reason: string,
): Promise<void> => {
  await db
    .updateTable("review_schedule")
    .set({ planned_for: plannedFor, brought_forward_reason: reason })
    .where("cycle_id", "=", cycleId)
    .where("iso3", "=", iso3)
    .execute();
};

export type ScheduleRecord = {
  cycleId: string;
  iso3: string;
  countryName: string | null;
  plannedFor: string;
  dueOn: string;
  broughtForwardReason: string | null;
  reviewId: string | null;
  reviewStatus: string | null;
};

/**
 * The cycle's schedule with each country's review the reader may see: their organisation's, else the latest
 * other one (none if they may see none).
 */
export const listSchedule = async (
  db: Db,
  cycleId: string,
  reader: ScheduleReader,
): Promise<ScheduleRecord[]> => {
  const result = await sql<ScheduleRecord>`
    SELECT s.cycle_id AS "cycleId", s.iso3, c.name AS "countryName",
           to_char(s.planned_for, 'YYYY-MM-DD') AS "plannedFor", to_char(s.due_on, 'YYYY-MM-DD') AS "dueOn",
           s.brought_forward_reason AS "broughtForwardReason", r.id AS "reviewId", r.status AS "reviewStatus"
    FROM review_schedule s
    LEFT JOIN countries c ON c.iso3 = s.iso3
    LEFT JOIN LATERAL (
      SELECT rv.id, rv.status FROM reviews rv
      WHERE rv.cycle_id = s.cycle_id AND rv.iso3 = s.iso3 AND ${reviewsSeenBy(reader)}
      ORDER BY ${ownFirst(reader)} rv.created_at DESC LIMIT 1
    ) r ON true
    WHERE s.cycle_id = ${cycleId}
    ORDER BY s.planned_for, s.iso3`.execute(db);
  return result.rows;
};

/** Countries the cycle covers: current, independent states in the registry. */
export const listReviewableCountries = async (db: Db): Promise<string[]> =>
  (
    await db
      .selectFrom("countries")
      .select("iso3")
      .where("iso_status", "=", "current")
      .where("independent", "=", true)
      .orderBy("iso3")
      .execute()
  ).map((row) => row.iso3);

/** Each country's open-alert severities the reader may see, for bringing reviews forward and saying why. */
export const openAlertSeverities = async (db: Db, reader: ScheduleReader): Promise<Map<string, string[]>> => {
  let query = db.selectFrom("alerts").select(["iso3", "severity"]).where("status", "<>", "closed");
  if (reader !== "platform") query = query.where(visibleTo(reader, "alerts"));
  const rows = await query.execute();
  const byCountry = new Map<string, string[]>();
  for (const row of rows) byCountry.set(row.iso3, [...(byCountry.get(row.iso3) ?? []), row.severity]);
  return byCountry;
};
