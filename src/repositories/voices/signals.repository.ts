import { sql } from "kysely";
import type { Db } from "../../db/types.ts";

export type SignalFilter = { iso3?: string | undefined; from?: string | undefined; to?: string | undefined };

const where = (filter: SignalFilter) =>
  sql.join(
    [
      sql`status = 'verified'`,
      ...(filter.iso3 ? [sql`iso3 = ${filter.iso3}`] : []),
      ...(filter.from ? [sql`incident_month >= ${filter.from}`] : []),
      ...(filter.to ? [sql`incident_month <= ${filter.to}`] : []),
    ],
    sql` AND `,
  );

/** Verified reports per country, month and category (all organisations: counts name no one). */
export const countryMonthCounts = async (db: Db, filter: SignalFilter) =>
  (
    await sql<{ iso3: string; month: string; category: string; count: number }>`
      SELECT iso3, incident_month::text AS month, category, count(*)::int AS count
      FROM voices_reports WHERE ${where(filter)} AND iso3 IS NOT NULL
      GROUP BY iso3, incident_month, category ORDER BY iso3, incident_month, category`.execute(db)
  ).rows;

/** Verified reports per PRIO-GRID cell, month and category. */
export const gridMonthCounts = async (db: Db, filter: SignalFilter) =>
  (
    await sql<{ priogridGid: number; iso3: string | null; month: string; category: string; count: number }>`
      SELECT priogrid_gid AS "priogridGid", min(iso3) AS iso3, incident_month::text AS month, category, count(*)::int AS count
      FROM voices_reports WHERE ${where(filter)} AND priogrid_gid IS NOT NULL
      GROUP BY priogrid_gid, incident_month, category ORDER BY incident_month, priogrid_gid, category`.execute(
      db,
    )
  ).rows;

/** Monthly verified totals of one country from `from` to `to` (months with none are absent). */
export const countryMonthTotals = async (db: Db, iso3: string, from: string, to: string) =>
  (
    await sql<{ month: string; count: number }>`
      SELECT incident_month::text AS month, count(*)::int AS count FROM voices_reports
      WHERE status = 'verified' AND iso3 = ${iso3} AND incident_month BETWEEN ${from} AND ${to}
      GROUP BY incident_month`.execute(db)
  ).rows;
