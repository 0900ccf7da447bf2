import { type RawBuilder, sql } from "kysely";
import type { Actor } from "../../core/access/actor.ts";
import type { ProtectedRecordTable } from "../../core/access/protected-records.ts";
import { readableClearances } from "../../core/access/vocabulary.ts";

/**
 * The SQL form of `canSee` (core/access/policies.ts), for lists, search and exports, so that a record
 * the actor may not see never leaves the database. Tests hold the two forms to the same matrix.
 */
export const visibleTo = (
  actor: Actor,
  table: ProtectedRecordTable,
  alias: string = table,
): RawBuilder<boolean> => {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const readable = readableClearances(actor.clearance);
  return sql<boolean>`(${column("clearance")} = 'public' OR (${column("clearance")} IN (${sql.join(readable)}) AND (${column("owner_org_id")} = ${actor.orgId} OR EXISTS (SELECT 1 FROM record_shares rs WHERE rs.record_type = ${table} AND rs.record_id = ${column("id")} AND rs.org_id = ${actor.orgId}))))`;
};
