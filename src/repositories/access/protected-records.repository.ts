import { sql } from "kysely";
import type { Actor } from "../../core/access/actor.ts";
import type { ProtectedRecord } from "../../core/access/policies.ts";
import type { ProtectedRecordTable } from "../../core/access/protected-records.ts";
import type { Clearance } from "../../core/access/vocabulary.ts";
import type { Db } from "../../db/types.ts";
import { listShares } from "./record-shares.repository.ts";
import { visibleTo } from "./visibility.ts";

/** The clearance facts of a record the actor can see, or undefined (unknown and invisible look the same). */
export const loadProtected = async (
  db: Db,
  actor: Actor,
  table: ProtectedRecordTable,
  id: string,
): Promise<ProtectedRecord | undefined> => {
  const result = await sql<{ owner_org_id: string; clearance: Clearance }>`
    SELECT owner_org_id, clearance FROM ${sql.table(table)} WHERE id = ${id} AND ${visibleTo(actor, table)}`.execute(
    db,
  );
  const row = result.rows[0];
  if (!row) return undefined;
  const sharedWith = (await listShares(db, table, [id])).get(id) ?? [];
  return { ownerOrgId: row.owner_org_id, clearance: row.clearance, sharedWith };
};
