import { type Action, canChange } from "../../core/access/policies.ts";
import type { ProtectedRecordTable } from "../../core/access/protected-records.ts";
import { forbidden, invalid, notFound } from "../../core/shared/errors.ts";
import { loadProtected } from "../../repositories/access/protected-records.repository.ts";
import { listShares, replaceShares } from "../../repositories/access/record-shares.repository.ts";
import { countOrganisationsWithIds } from "../../repositories/organisations.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

/** Replaces the list of organisations a protected record is shared with. Works for every declared table. */
export const shareRecord = async (
  ctx: ServiceContext,
  table: ProtectedRecordTable,
  recordId: string,
  orgIds: readonly string[],
  action: Action,
): Promise<string[]> =>
  inTransaction(ctx, async (tx) => {
    const record = await loadProtected(tx.db, ctx.actor, table, recordId);
    if (!record) throw notFound("Record");
    if (!canChange(ctx.actor, record, action))
      throw forbidden("Only the owning organisation's writers may share this record.");
    const unique = [...new Set(orgIds)].filter((id) => id !== record.ownerOrgId);
    if ((await countOrganisationsWithIds(tx.db, unique)) !== unique.length) {
      throw invalid("Some organisations do not exist.", [
        { field: "orgIds", message: "unknown organisation" },
      ]);
    }
    await replaceShares(tx.db, table, recordId, unique, ctx.actor.userId);
    await audit(tx, {
      action: `${table}.share`,
      entityType: table,
      entityId: recordId,
      before: { sharedWith: record.sharedWith },
      after: { sharedWith: unique },
    });
    return (await listShares(tx.db, table, [recordId])).get(recordId) ?? [];
  });
