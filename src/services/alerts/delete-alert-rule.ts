import { authorize } from "../../core/access/policies.ts";
import { notFound } from "../../core/shared/errors.ts";
import { findAlertRule, deleteAlertRule as removeRule } from "../../repositories/alerts/rules.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

export const deleteAlertRule = async (ctx: ServiceContext, id: string): Promise<void> => {
  authorize(ctx.actor, "alert.configure");
  await inTransaction(ctx, async (tx) => {
    const before = await findAlertRule(tx.db, id);
    if (!before) throw notFound("Alert rule");
    await removeRule(tx.db, id);
    await audit(tx, { action: "alert_rule.delete", entityType: "alert_rules", entityId: id, before });
  });
};
