import type { ProtectedRecordTable } from "../../core/access/protected-records.ts";
import type { Db } from "../../db/types.ts";

export const listShares = async (
  db: Db,
  table: ProtectedRecordTable,
  recordIds: readonly string[],
): Promise<Map<string, string[]>> => {
  const byRecord = new Map<string, string[]>(recordIds.map((id) => [id, []]));
  if (recordIds.length === 0) return byRecord;
  const rows = await db
    .selectFrom("record_shares")
    .select(["record_id", "org_id"])
    .where("record_type", "=", table)
    .where("record_id", "in", recordIds)
    .orderBy("shared_at")
    .execute();
  for (const row of rows) byRecord.get(row.record_id)?.push(row.org_id);
  return byRecord;
};

export const replaceShares = async (
  db: Db,
  table: ProtectedRecordTable,
  recordId: string,
  orgIds: readonly string[],
  sharedBy: string | null,
): Promise<void> => {
  await db
    .deleteFrom("record_shares")
    .where("record_type", "=", table)
    .where("record_id", "=", recordId)
    .execute();
  if (orgIds.length === 0) return;
  await db
    .insertInto("record_shares")
    .values(
      orgIds.map((orgId) => ({
        record_type: table,
        record_id: recordId,
        org_id: orgId,
        shared_by: sharedBy,
      })),
    )
    .execute();
};
