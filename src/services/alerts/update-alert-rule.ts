import { authorize } from "../../core/access/policies.ts";
import { ZAlertRuleInput, ZAlertRuleUpdate } from "../../core/alerts/alert.schemas.ts";
import { notFound } from "../../core/shared/errors.ts";
import {
  type AlertRuleRecord,
  findAlertRule,
  updateAlertRule as saveRule,
} from "../../repositories/alerts/rules.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

export const updateAlertRule = async (
  ctx: ServiceContext,
  id: string,
  raw: unknown,
): Promise<AlertRuleRecord> => {
  authorize(ctx.actor, "alert.configure");
  const changes = ZAlertRuleUpdate.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await findAlertRule(tx.db, id);
    if (!before) throw notFound("Alert rule");
    const merged = ZAlertRuleInput.parse({ ...before, ...changes });
    const rule = await saveRule(tx.db, id, merged, ctx.now());
    await audit(tx, {
      action: "alert_rule.update",
      entityType: "alert_rules",
      entityId: id,
      before,
      after: rule,
    });
    return rule;
  });
};
