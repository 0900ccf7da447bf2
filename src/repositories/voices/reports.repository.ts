import { sql } from "kysely";
import type { Actor } from "../../core/access/actor.ts";
import type { Clearance } from "../../core/access/vocabulary.ts";
import type { Extent } from "../../core/voices/map-clusters.ts";
import type {
  ReportChannel,
  ReportStatus,
  TPointsQuery,
  TQueueQuery,
} from "../../core/voices/report.schemas.ts";
import type { Db } from "../../db/types.ts";
import { visibleTo } from "../access/visibility.ts";
import type { Sealed } from "./envelope.ts";

/** A report as stored, without its sealed fields. */
export type ReportRow = {
  id: string;
  ownerOrgId: string;
  clearance: Clearance;
  channel: ReportChannel;
  formId: string | null;
  sourceRef: string | null;
  category: string;
  description: string;
  /** What a list shows of the report when its text would not tell it apart (an imported form's answers). */
  summary: string | null;
  redacted: boolean;
  language: string;
  date: string;
  iso3: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  priogridGid: number | null;
  adm1: string | null;
  adm2: string | null;
  locationSource: string;
  status: ReportStatus;
  duplicateOf: string | null;
  possibleDuplicateOf: string | null;
  duplicateScore: number | null;
  assignedTo: string | null;
  hasContact: boolean;
  submittedAt: Date;
  updatedAt: Date;
};

const columns = [
  "r.id",
  "r.owner_org_id as ownerOrgId",
  "r.clearance",
  "r.channel",
  "r.form_id as formId",
  "r.source_ref as sourceRef",
  "r.category",
  "r.description",
  "r.summary",
  "r.redacted",
  "r.language",
  "r.incident_date as date",
  "r.iso3",
  "r.place",
  "r.latitude",
  "r.longitude",
  "r.priogrid_gid as priogridGid",
  "r.adm1",
  "r.adm2",
  "r.location_source as locationSource",
  "r.status",
  "r.duplicate_of as duplicateOf",
  "r.possible_duplicate_of as possibleDuplicateOf",
  "r.duplicate_score as duplicateScore",
  "r.assigned_to as assignedTo",
  "r.has_contact as hasContact",
  "r.submitted_at as submittedAt",
  "r.updated_at as updatedAt",
] as const;

type Raw = Omit<ReportRow, "clearance" | "channel" | "status"> & {
  clearance: string;
  channel: string;
  status: string;
};
const typed = (row: Raw): ReportRow => ({
  ...row,
  clearance: row.clearance as Clearance,
  channel: row.channel as ReportChannel,
  status: row.status as ReportStatus,
});

export type NewReport = {
  id: string;
  ownerOrgId: string;
  clearance: Clearance;
  receiptHash: string;
  channel: ReportChannel;
  formId: string | null;
  sourceRef: string | null;
  category: string;
  description: string;
  summary: string | null;
  language: string;
  date: string;
  iso3: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  priogridGid: number | null;
  adm1: string | null;
  adm2: string | null;
  locationSource: string;
  status: ReportStatus;
  possibleDuplicateOf: string | null;
  duplicateScore: number | null;
  hasContact: boolean;
  sealed: Sealed;
  submittedAt: Date;
};

/** Inserts a report; false when its source id (a retried SMS, a re-imported row) is already stored. */
export const insertReport = async (db: Db, report: NewReport): Promise<boolean> => {
  const result = await db
    .insertInto("voices_reports")
    .values({
      id: report.id,
      owner_org_id: report.ownerOrgId,
      clearance: report.clearance,
      receipt_hash: report.receiptHash,
      channel: report.channel,
      form_id: report.formId,
      source_ref: report.sourceRef,
      category: report.category,
      description: report.description,
      summary: report.summary,
      language: report.language,
      incident_date: report.date,
      incident_month: `${report.date.slice(0, 7)}-01`,
      iso3: report.iso3,
      place: report.place,
      latitude: report.latitude,
      longitude: report.longitude,
      priogrid_gid: report.priogridGid,
      adm1: report.adm1,
      adm2: report.adm2,
      location_source: report.locationSource,
      status: report.status,
      possible_duplicate_of: report.possibleDuplicateOf,
      duplicate_score: report.duplicateScore,
      has_contact: report.hasContact,
      sealed: report.sealed.sealed,
      wrapped_key: report.sealed.wrappedKey,
      key_id: report.sealed.keyId,
      submitted_at: report.submittedAt,
      updated_at: report.submittedAt,
    })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  return result !== undefined;
};

/** The report an organisation already received under a source id (the same id elsewhere is another report). */
export const findReportBySource = async (
  db: Db,
  source: { ownerOrgId: string; channel: ReportChannel; formId: string | null; sourceRef: string },
): Promise<(Sealed & { id: string; locationSource: string }) | undefined> => {
  const { channel, formId, sourceRef } = source;
  let query = db
    .selectFrom("voices_reports")
    .select([
      "id",
      "sealed",
      "wrapped_key as wrappedKey",
      "key_id as keyId",
      "location_source as locationSource",
    ])
    .where("owner_org_id", "=", source.ownerOrgId)
    .where("channel", "=", channel)
    .where("source_ref", "=", sourceRef);
  query = formId === null ? query.where("form_id", "is", null) : query.where("form_id", "=", formId);
  return query.executeTakeFirst();
};

export const findReportByReceipt = async (
  db: Db,
  receiptHash: string,
): Promise<
  | {
      id: string;
      status: ReportStatus;
      category: string;
      channel: string;
      language: string;
      submittedAt: Date;
    }
  | undefined
> => {
  const row = await db
    .selectFrom("voices_reports")
    .select(["id", "status", "category", "channel", "language", "submitted_at as submittedAt"])
    .where("receipt_hash", "=", receiptHash)
    .executeTakeFirst();
  return row && { ...row, status: row.status as ReportStatus };
};

export const findVisibleReport = async (db: Db, actor: Actor, id: string): Promise<ReportRow | undefined> => {
  const row = await db
    .selectFrom("voices_reports as r")
    .select(columns)
    .where("r.id", "=", id)
    .where(visibleTo(actor, "voices_reports", "r"))
    .executeTakeFirst();
  return row && typed(row);
};

export const findReportById = async (db: Db, id: string): Promise<ReportRow | undefined> => {
  const row = await db
    .selectFrom("voices_reports as r")
    .select(columns)
    .where("r.id", "=", id)
    .executeTakeFirst();
  return row && typed(row);
};

/** The reports an actor may see that match the queue's filters. */
const visibleMatching = (db: Db, actor: Actor, query: TPointsQuery) => {
  let select = db.selectFrom("voices_reports as r").where(visibleTo(actor, "voices_reports", "r"));
  if (query.status) select = select.where("r.status", "=", query.status);
  if (query.category) select = select.where("r.category", "=", query.category);
  if (query.iso3) select = select.where("r.iso3", "=", query.iso3);
  if (query.channel) select = select.where("r.channel", "=", query.channel);
  return select;
};

/** The reports an actor may see that match the filters and have a place. */
const locatedMatching = (db: Db, actor: Actor, query: TPointsQuery) =>
  visibleMatching(db, actor, query).where("r.latitude", "is not", null).where("r.longitude", "is not", null);

export const listVisibleReports = async (
  db: Db,
  actor: Actor,
  query: TQueueQuery,
): Promise<{ rows: ReportRow[]; total: number }> => {
  let select = visibleMatching(db, actor, query);
  if (query.assignedTo) {
    // Assignment is the receiving organisation's triage: other readers cannot filter (or probe) by it.
    select = select
      .where("r.owner_org_id", "=", actor.orgId)
      .where("r.assigned_to", "=", query.assignedTo === "me" ? actor.userId : query.assignedTo);
  }
  const [rows, count] = await Promise.all([
    select
      .select(columns)
      .orderBy("r.submitted_at", "desc")
      .orderBy("r.id")
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    select.select(sql<number>`count(*)::int`.as("n")).executeTakeFirst(),
  ]);
  return { rows: rows.map(typed), total: count?.n ?? 0 };
};

/** Where a report lies and what it is about: all a map needs of it. */
export type ReportPointRow = Pick<
  ReportRow,
  "id" | "ownerOrgId" | "iso3" | "category" | "status" | "date"
> & { latitude: number; longitude: number };

/** Every report the actor may see that matches the filters and has a place, in a stable order. */
export const listVisibleReportPoints = async (
  db: Db,
  actor: Actor,
  query: TPointsQuery,
): Promise<ReportPointRow[]> => {
  const rows = await locatedMatching(db, actor, query)
    .select([
      "r.id",
      "r.owner_org_id as ownerOrgId",
      "r.iso3",
      "r.category",
      "r.status",
      "r.incident_date as date",
      "r.latitude",
      "r.longitude",
    ])
    .orderBy("r.id")
    .execute();
  // The filter above leaves no report without its coordinates.
  return rows.map((row) => ({
    ...row,
    status: row.status as ReportStatus,
    latitude: row.latitude as number,
    longitude: row.longitude as number,
  }));
};

/**
 * A report's coordinate as the actor may see it: exact for the receiving organisation, else its PRIO-GRID
 * cell's centre (as `coarsenPoint` gives it), so that a cluster's mean place tells no more than the points.
 */
const shownCoordinate = (actor: Actor, axis: "latitude" | "longitude") => {
  const lastCellStart = axis === "latitude" ? 89.5 : 179.5;
  return sql<number>`CASE WHEN r.owner_org_id = ${actor.orgId} THEN ${sql.ref(`r.${axis}`)}
    ELSE least(floor(${sql.ref(`r.${axis}`)} * 2) / 2, ${lastCellStart}) + 0.25 END`;
};

/** How many matching reports have a place, and the extent of those places as the actor sees them. */
export const visibleReportPointsExtent = async (
  db: Db,
  actor: Actor,
  query: TPointsQuery,
): Promise<{ count: number; extent: Extent | null }> => {
  const lat = shownCoordinate(actor, "latitude");
  const lon = shownCoordinate(actor, "longitude");
  const row = await locatedMatching(db, actor, query)
    .select([
      sql<number>`count(*)::int`.as("count"),
      sql<number | null>`min(${lat})`.as("south"),
      sql<number | null>`max(${lat})`.as("north"),
      sql<number | null>`min(${lon})`.as("west"),
      sql<number | null>`max(${lon})`.as("east"),
    ])
    .executeTakeFirstOrThrow();
  const { count, south, north, west, east } = row;
  if (south === null || north === null || west === null || east === null) return { count, extent: null };
  return { count, extent: { south, north, west, east } };
};

export type ReportClusterRow = {
  latitude: number;
  longitude: number;
  count: number;
  iso3: string | null;
  coarsened: boolean;
};

/**
 * The matching reports with a place, counted per square grid cell of this side (in degrees) at their mean
 * place; the receiving organisation's own reports and others' (coarsened) are counted apart.
 */
export const clusterVisibleReportPoints = async (
  db: Db,
  actor: Actor,
  query: TPointsQuery,
  cellDegrees: number,
): Promise<ReportClusterRow[]> => {
  const places = locatedMatching(db, actor, query).select([
    shownCoordinate(actor, "latitude").as("lat"),
    shownCoordinate(actor, "longitude").as("lon"),
    "r.iso3",
    sql<boolean>`r.owner_org_id <> ${actor.orgId}`.as("coarsened"),
  ]);
  const rows = await db
    .selectFrom(places.as("p"))
    .select([
      sql<number>`avg(p.lat)::float8`.as("latitude"),
      sql<number>`avg(p.lon)::float8`.as("longitude"),
      sql<number>`count(*)::int`.as("count"),
      // A country only when every report of the cell names the same one.
      sql<string | null>`CASE WHEN count(DISTINCT coalesce(p.iso3, '')) = 1 THEN max(p.iso3) END`.as("iso3"),
      "p.coarsened",
    ])
    .groupBy([sql`floor(p.lat / ${cellDegrees})`, sql`floor(p.lon / ${cellDegrees})`, "p.coarsened"])
    .orderBy("count", "desc")
    .execute();
  return rows;
};

export type ReportChanges = Partial<{
  status: ReportStatus;
  duplicateOf: string | null;
  category: string;
  assignedTo: string | null;
  iso3: string | null;
  latitude: number | null;
  longitude: number | null;
  priogridGid: number | null;
  locationSource: string;
  clearance: Clearance;
  description: string;
  summary: string | null;
  redacted: boolean;
}>;

export const updateReport = async (db: Db, id: string, changes: ReportChanges, at: Date): Promise<void> => {
  const set: Record<string, unknown> = { updated_at: at };
  const names: Record<keyof ReportChanges, string> = {
    status: "status",
    duplicateOf: "duplicate_of",
    category: "category",
    assignedTo: "assigned_to",
    iso3: "iso3",
    latitude: "latitude",
    longitude: "longitude",
    priogridGid: "priogrid_gid",
    locationSource: "location_source",
    clearance: "clearance",
    description: "description",
    summary: "summary",
    redacted: "redacted",
  };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) set[names[key as keyof ReportChanges]] = value;
  }
  await db.updateTable("voices_reports").set(set).where("id", "=", id).execute();
};

export const findSealed = async (db: Db, id: string): Promise<Sealed | undefined> =>
  db
    .selectFrom("voices_reports")
    .select(["sealed", "wrapped_key as wrappedKey", "key_id as keyId"])
    .where("id", "=", id)
    .executeTakeFirst();

/**
 * Earlier reports of the same organisation near in time (and country), for near-duplicate scoring. Their text
 * is the summary where there is one: the questions every submission of a form repeats would make them alike.
 */
export const duplicateCandidates = async (
  db: Db,
  near: { ownerOrgId: string; iso3: string | null; from: string; to: string; limit: number },
) => {
  let query = db
    .selectFrom("voices_reports")
    .select([
      "id",
      sql<string>`coalesce(summary, description)`.as("description"),
      "incident_date as date",
      "iso3",
      "latitude",
      "longitude",
      "place",
    ])
    .where("owner_org_id", "=", near.ownerOrgId)
    .where("incident_date", ">=", near.from)
    .where("incident_date", "<=", near.to)
    .where("status", "!=", "duplicate");
  query = near.iso3 ? query.where("iso3", "=", near.iso3) : query.where("iso3", "is", null);
  return query.orderBy("submitted_at", "desc").limit(near.limit).execute();
};

export const wrappedKeysNotUnder = (db: Db, keyId: string, limit: number) =>
  db
    .selectFrom("voices_reports")
    .select(["id", "wrapped_key as wrappedKey", "key_id as keyId"])
    .where("key_id", "!=", keyId)
    .orderBy("id")
    .limit(limit)
    .execute();

export const replaceWrappedKey = async (
  db: Db,
  id: string,
  wrapped: { wrappedKey: string; keyId: string },
) => {
  await db
    .updateTable("voices_reports")
    .set({ wrapped_key: wrapped.wrappedKey, key_id: wrapped.keyId })
    .where("id", "=", id)
    .execute();
};

export const countReportsByKey = async (db: Db): Promise<{ keyId: string; n: number }[]> =>
  (
    await sql<{
      keyId: string;
      n: number;
    }>`SELECT key_id AS "keyId", count(*)::int AS n FROM voices_reports GROUP BY key_id`.execute(db)
  ).rows;

/** The master keys that wrap the stored reports' data keys. */
export const sealingKeyIds = async (db: Db): Promise<string[]> =>
  (await db.selectFrom("voices_reports").select("key_id").distinct().execute()).map((row) => row.key_id);
