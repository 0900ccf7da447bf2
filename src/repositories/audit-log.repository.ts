import type { Channel } from "../core/access/actor.ts";
import {
  redactSecrets,
  type TAuditEntry,
  type TAuditFacets,
  type TAuditQuery,
} from "../core/audit-log/audit.schemas.ts";
import type { Db } from "../db/types.ts";
import { containsPattern } from "./contains-pattern.ts";

export type AuditWrite = {
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

/** Newest first; `orgId` limits to entries made by people acting for that organisation. */
export const listAudit = async (db: Db, query: TAuditQuery, orgId?: string): Promise<TAuditEntry[]> => {
  let select = db.selectFrom("audit_log").selectAll();
  if (orgId) select = select.where("org_id", "=", orgId);
  if (query.entityType) select = select.where("entity_type", "=", query.entityType);
  if (query.entityId) select = select.where("entity_id", "=", query.entityId);
  if (query.action) select = select.where("action", "=", query.action);
  if (query.actor) select = select.where("actor", "ilike", containsPattern(query.actor));
  if (query.via) select = select.where("via", "=", query.via);
  if (query.since) select = select.where("at", ">=", new Date(query.since));
  if (query.until) select = select.where("at", "<=", new Date(query.until));
  if (query.beforeId) select = select.where("id", "<", String(query.beforeId));
  const rows = await select.orderBy("id", "desc").limit(query.limit).execute();
  return rows.map((row) => ({
    id: Number(row.id),
    at: row.at.toISOString(),
    actor: row.actor,
    orgId: row.org_id,
    via: row.via as Channel,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
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
