import { sql } from "kysely";
import type { Actor } from "../../core/access/actor.ts";
import type { Clearance } from "../../core/access/vocabulary.ts";
import type { AlertStatus, Severity, TAlertMessage, TDecision } from "../../core/alerts/alert.schemas.ts";
import type { Db } from "../../db/types.ts";
import { visibleTo } from "../access/visibility.ts";

export type AlertRecord = {
  id: string;
  iso3: string;
  /** The registry's English name and alpha-2 code of the country, for naming it in a reader's language. */
  countryName: string | null;
  countryIso2: string | null;
  cause: string;
  severity: Severity;
  source: string;
  summary: string;
  message: TAlertMessage | null;
  details: Record<string, unknown>;
  status: AlertStatus;
  clearance: Clearance;
  ownerOrgId: string;
  ownerOrgName: string;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  raisedBy: string | null;
  raisedAt: Date;
  deadline: Date;
  escalationLevel: number;
  escalatedAt: Date | null;
  occurrences: number;
  lastSeenAt: Date;
  acknowledgedAt: Date | null;
  assessedAt: Date | null;
  assessment: string | null;
  decidedAt: Date | null;
  decision: TDecision | null;
  actionAt: Date | null;
  actionNote: string | null;
  closedAt: Date | null;
  outcome: string | null;
};

const select = (db: Db) =>
  db
    .selectFrom("alerts as a")
    .innerJoin("organisations as o", "o.id", "a.owner_org_id")
    .leftJoin("users as u", "u.id", "a.owner_user_id")
    .leftJoin("countries as c", "c.iso3", "a.iso3")
    .select([
      "a.id",
      "a.iso3",
      "c.name as countryName",
      "c.iso2 as countryIso2",
      "a.cause",
      "a.severity",
      "a.source",
      "a.summary",
      "a.message",
      "a.details",
      "a.status",
      "a.clearance",
      "a.owner_org_id as ownerOrgId",
      "o.name as ownerOrgName",
      "a.owner_user_id as ownerUserId",
      "u.name as ownerName",
      "u.email as ownerEmail",
      "a.raised_by as raisedBy",
      "a.raised_at as raisedAt",
      "a.deadline",
      "a.escalation_level as escalationLevel",
      "a.escalated_at as escalatedAt",
      "a.occurrences",
      "a.last_seen_at as lastSeenAt",
      "a.acknowledged_at as acknowledgedAt",
      "a.assessed_at as assessedAt",
      "a.assessment",
      "a.decided_at as decidedAt",
      "a.decision",
      "a.action_at as actionAt",
      "a.action_note as actionNote",
      "a.closed_at as closedAt",
      "a.outcome",
    ]);

type Selected = Awaited<ReturnType<ReturnType<typeof select>["executeTakeFirstOrThrow"]>>;

// The enum and jsonb columns are written only through the zod-validated services.
const typed = (row: Selected): AlertRecord => ({
  ...row,
  severity: row.severity as Severity,
  status: row.status as AlertStatus,
  clearance: row.clearance as Clearance,
  details: (row.details ?? {}) as Record<string, unknown>,
  message: (row.message ?? null) as TAlertMessage | null,
  decision: (row.decision ?? null) as TDecision | null,
});

/** An alert by id; with a reader, only if they may see it (its clearance, owner and shares). */
export const findAlert = async (db: Db, id: string, reader?: Actor): Promise<AlertRecord | undefined> => {
  let query = select(db).where("a.id", "=", id);
  if (reader) query = query.where(visibleTo(reader, "alerts", "a"));
  const row = await query.executeTakeFirst();
  return row && typed(row);
};

/** The open alert for a country and cause, locked for the merge that follows. */
export const findOpenAlertForUpdate = async (db: Db, iso3: string, cause: string, audience: string) =>
  db
    .selectFrom("alerts")
    .select(["id"])
    .where("iso3", "=", iso3)
    .where("cause", "=", cause)
    .where("audience", "=", audience)
    .where("status", "<>", "closed")
    .forUpdate()
    .executeTakeFirst();

type AlertFilter = {
  /**
   * Whose eyes: a person (the alerts they may see), "public" (public alerts only, for records every reader
   * sees) or "platform" (every alert, for the platform's own jobs).
   */
  reader: Actor | "public" | "platform";
  ownerUserId?: string;
  ownerOrgId?: string;
  overdueAt?: Date;
  status?: AlertStatus | "open";
  iso3?: string;
  limit: number;
};

export const listAlerts = async (db: Db, filter: AlertFilter): Promise<AlertRecord[]> => {
  let query = select(db);
  if (filter.reader === "public") query = query.where("a.clearance", "=", "public");
  else if (filter.reader !== "platform") query = query.where(visibleTo(filter.reader, "alerts", "a"));
  if (filter.ownerUserId) query = query.where("a.owner_user_id", "=", filter.ownerUserId);
  if (filter.ownerOrgId) query = query.where("a.owner_org_id", "=", filter.ownerOrgId);
  if (filter.overdueAt)
    query = query
      .where("a.status", "in", ["new", "acknowledged", "assessed"])
      .where("a.deadline", "<", filter.overdueAt);
  if (filter.status === "open") query = query.where("a.status", "<>", "closed");
  else if (filter.status) query = query.where("a.status", "=", filter.status);
  if (filter.iso3) query = query.where("a.iso3", "=", filter.iso3);
  const rows = await query
    .orderBy(sql`CASE a.status WHEN 'closed' THEN 1 ELSE 0 END`)
    .orderBy("a.deadline")
    .limit(filter.limit)
    .execute();
  return rows.map(typed);
};

export const insertAlert = async (
  db: Db,
  input: {
    iso3: string;
    cause: string;
    severity: Severity;
    source: string;
    summary: string;
    message: TAlertMessage | null;
    details: Record<string, unknown>;
    clearance: Clearance;
    audience: string;
    ownerOrgId: string;
    ownerUserId: string | null;
    raisedBy: string | null;
    raisedAt: Date;
    deadline: Date;
  },
): Promise<string | undefined> => {
  // A concurrent raise for the same country, cause and readers loses on the partial unique index and merges.
  const row = await db
    .insertInto("alerts")
    .values({
      iso3: input.iso3,
      cause: input.cause,
      severity: input.severity,
      source: input.source,
      summary: input.summary,
      message: input.message && JSON.stringify(input.message),
      details: JSON.stringify(input.details),
      clearance: input.clearance,
      audience: input.audience,
      owner_org_id: input.ownerOrgId,
      owner_user_id: input.ownerUserId,
      raised_by: input.raisedBy,
      raised_at: input.raisedAt,
      deadline: input.deadline,
      last_seen_at: input.raisedAt,
      updated_at: input.raisedAt,
    })
    .onConflict((oc) => oc.columns(["iso3", "cause", "audience"]).where("status", "<>", "closed").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
};

export type AlertChanges = Partial<{
  severity: Severity;
  summary: string;
  message: TAlertMessage;
  details: Record<string, unknown>;
  status: AlertStatus;
  deadline: Date;
  occurrences: number;
  lastSeenAt: Date;
  escalationLevel: number;
  escalatedAt: Date;
  acknowledgedAt: Date;
  assessedAt: Date;
  assessment: string;
  decidedAt: Date;
  decision: TDecision;
  actionAt: Date;
  actionNote: string;
  closedAt: Date;
  outcome: string;
  ownerUserId: string;
}>;

const columnOf: Record<keyof AlertChanges, string> = {
  severity: "severity",
  summary: "summary",
  message: "message",
  details: "details",
  status: "status",
  deadline: "deadline",
  occurrences: "occurrences",
  lastSeenAt: "last_seen_at",
  escalationLevel: "escalation_level",
  escalatedAt: "escalated_at",
  acknowledgedAt: "acknowledged_at",
  assessedAt: "assessed_at",
  assessment: "assessment",
  decidedAt: "decided_at",
  decision: "decision",
  actionAt: "action_at",
  actionNote: "action_note",
  closedAt: "closed_at",
  outcome: "outcome",
  ownerUserId: "owner_user_id",
};

export const updateAlert = async (db: Db, id: string, changes: AlertChanges, now: Date): Promise<void> => {
  const set: Record<string, unknown> = { updated_at: now };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const column = columnOf[key as keyof AlertChanges];
    set[column] =
      key === "details" || key === "decision" || key === "message" ? JSON.stringify(value) : value;
  }
  // The keys were mapped through columnOf above, so the set object only names alerts columns.
  await db
    .updateTable("alerts")
    .set(set as never)
    .where("id", "=", id)
    .execute();
};

export type AlertEventRecord = { at: Date; kind: string; actor: string; note: string; data: unknown };

export const appendAlertEvent = async (
  db: Db,
  event: {
    alertId: string;
    at: Date;
    kind: string;
    actorUserId: string | null;
    actor: string;
    note?: string;
    data?: unknown;
  },
): Promise<void> => {
  await db
    .insertInto("alert_events")
    .values({
      alert_id: event.alertId,
      at: event.at,
      kind: event.kind,
      actor_user_id: event.actorUserId,
      actor: event.actor,
      note: event.note ?? "",
      data: event.data === undefined ? null : JSON.stringify(event.data),
    })
    .execute();
};

export const listAlertEvents = async (db: Db, alertId: string): Promise<AlertEventRecord[]> =>
  db
    .selectFrom("alert_events")
    .select(["at", "kind", "actor", "note", "data"])
    .where("alert_id", "=", alertId)
    .orderBy("at")
    .orderBy("id")
    .execute();

/** Undecided alerts past their deadline, oldest deadline first. */
export const listOverdueAlerts = async (db: Db, now: Date): Promise<AlertRecord[]> =>
  listAlerts(db, { reader: "platform", overdueAt: now, limit: 10_000 });

export const hasTrigger = async (
  db: Db,
  ruleId: string,
  iso3: string,
  evidenceKey: string,
): Promise<boolean> =>
  (await db
    .selectFrom("alert_triggers")
    .select("alert_id")
    .where("rule_id", "=", ruleId)
    .where("iso3", "=", iso3)
    .where("evidence_key", "=", evidenceKey)
    .executeTakeFirst()) !== undefined;

export const insertTrigger = async (
  db: Db,
  trigger: { ruleId: string; iso3: string; evidenceKey: string; alertId: string; at: Date },
): Promise<void> => {
  await db
    .insertInto("alert_triggers")
    .values({
      rule_id: trigger.ruleId,
      iso3: trigger.iso3,
      evidence_key: trigger.evidenceKey,
      alert_id: trigger.alertId,
      at: trigger.at,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
};
