import { authorize } from "../../core/access/policies.ts";
import { type TAlertRuleInput, ZAlertRuleInput } from "../../core/alerts/alert.schemas.ts";
import { conflict } from "../../core/shared/errors.ts";
import {
  type AlertRuleRecord,
  findAlertRuleByName,
  insertAlertRule,
} from "../../repositories/alerts/rules.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

/** Rules are data: zod validates them and names the field at fault (e.g. definition.threshold). */
export const createAlertRule = async (
  ctx: ServiceContext,
  raw: TAlertRuleInput,
): Promise<AlertRuleRecord> => {
  authorize(ctx.actor, "alert.configure");
  const input = ZAlertRuleInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    if (await findAlertRuleByName(tx.db, input.name))
      throw conflict(`A rule named "${input.name}" exists.`, [{ field: "name", message: "already used" }]);
    const rule = await insertAlertRule(tx.db, { ...input, createdBy: ctx.actor.userId });
    await audit(tx, {
      action: "alert_rule.create",
      entityType: "alert_rules",
      entityId: rule.id,
      after: rule,
    });
    return rule;
  });
};
