import { sql } from "kysely";
import type { Actor, Channel } from "../core/access/actor.ts";
import { protectedRecordTables } from "../core/access/protected-records.ts";
import {
  redactSecrets,
  type TAuditExportQuery,
  type TAuditFacets,
  type TAuditQuery,
} from "../core/audit-log/audit.schemas.ts";
import type { Db } from "../db/types.ts";
import { visibleTo } from "./access/visibility.ts";
import { containsPattern, prefixPattern } from "./contains-pattern.ts";

type AuditWrite = {
  actor: string;
  actorUserId: string | null;
  orgId: string | null;
  via: Channel;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

const asJson = (value: unknown): string | null =>
  value === undefined ? null : JSON.stringify(redactSecrets(value));

export const appendAudit = async (db: Db, entry: AuditWrite): Promise<void> => {
  await db
    .insertInto("audit_log")
    .values({
      actor: entry.actor,
      actor_user_id: entry.actorUserId,
      org_id: entry.orgId,
      via: entry.via,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: asJson(entry.before),
      after: asJson(entry.after),
    })
    .execute();
};

/** Records that are part of a protected record (a review's recommendations, a report's replies). */
const protectedParts = [
  { table: "review_recommendations", parent: "reviews", via: "review_id" },
  { table: "voices_replies", parent: "voices_reports", via: "report_id" },
] as const;

/**
 * True for an entry about a protected record (or a part of one) the reader may not see (or that no longer exists): reading the
 * log must not show what the record itself would not.
 */
const hiddenFrom = (reader: Actor) =>
  sql<boolean>`(${sql.join(
    [
      ...protectedRecordTables.map(
        (table) =>
          sql`(audit_log.entity_type = ${table} AND NOT EXISTS (SELECT 1 FROM ${sql.table(table)} AS x WHERE x.id::text = audit_log.entity_id AND ${visibleTo(reader, table, "x")}))`,
      ),
      ...protectedParts.map(
        ({ table, parent, via }) =>
          sql`(audit_log.entity_type = ${table} AND NOT EXISTS (SELECT 1 FROM ${sql.table(table)} AS c JOIN ${sql.table(parent)} AS x ON x.id = c.${sql.ref(via)} WHERE c.id::text = audit_log.entity_id AND ${visibleTo(reader, parent, "x")}))`,
      ),
    ],
    sql` OR `,
  )})`;

/** An entry as stored, with whether its reader may see its content (`withheld`: a record hidden from them). */
export type AuditRecord = {
  id: number;
  at: Date;
  actor: string;
  orgId: string | null;
  via: Channel;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  withheld: boolean;
};

/**
 * Newest first; `orgId` limits to entries made by people acting for that organisation or filed under it.
 * The content of entries about protected records the reader may not see is withheld.
 */
export const listAudit = async (
  db: Db,
  reader: Actor,
  query: TAuditQuery | TAuditExportQuery,
  orgId?: string,
): Promise<AuditRecord[]> => {
  let select = db.selectFrom("audit_log").selectAll().select(hiddenFrom(reader).as("withheld"));
  if (orgId) select = select.where("org_id", "=", orgId);
  if (query.entityType) select = select.where("entity_type", "=", query.entityType);
  // The log shows ids shortened: the start of one finds the record.
  if (query.entityId) select = select.where("entity_id", "like", prefixPattern(query.entityId));
  if (query.action) select = select.where("action", "=", query.action);
  if (query.actor) select = select.where("actor", "ilike", containsPattern(query.actor));
  if (query.via) select = select.where("via", "=", query.via);
  if (query.since) select = select.where("at", ">=", new Date(query.since));
  if (query.until) select = select.where("at", "<=", new Date(query.until));
  if (query.beforeId) select = select.where("id", "<", String(query.beforeId));
  select = select.orderBy("id", "desc");
  const rows = await (query.limit === undefined ? select : select.limit(query.limit)).execute();
  return rows.map((row) => ({
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    orgId: row.org_id,
    via: row.via as Channel,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    withheld: row.withheld,
  }));
};

/** The distinct actions and record types of the entries `listAudit` would show with the same `orgId`. */
export const auditFacets = async (db: Db, orgId?: string): Promise<TAuditFacets> => {
  const distinct = async (column: "action" | "entity_type"): Promise<string[]> => {
    let select = db.selectFrom("audit_log").select(column).distinct();
    if (orgId) select = select.where("org_id", "=", orgId);
    const rows = await select.orderBy(column).execute();
    return rows.map((row) => row[column]);
  };
  return { actions: await distinct("action"), entityTypes: await distinct("entity_type") };
};
