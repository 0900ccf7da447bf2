import { authorize } from "../../core/access/policies.ts";
import { type TAlertRuleInput, ZAlertRuleInput, ZAlertRuleUpdate } from "../../core/alerts/alert.schemas.ts";
import { conflict, notFound } from "../../core/shared/errors.ts";
import {
  type AlertRuleRecord,
  findAlertRule,
  findAlertRuleByName,
  insertAlertRule,
  deleteAlertRule as removeRule,
  updateAlertRule as saveRule,
  listAlertRules as selectRules,
} from "../../repositories/alerts/rules.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

/** Everyone may read the rules: knowing why an alert was raised is part of trusting it. */
export const listAlertRules = (ctx: ServiceContext): Promise<AlertRuleRecord[]> => selectRules(ctx.db);

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

export const deleteAlertRule = async (ctx: ServiceContext, id: string): Promise<void> => {
  authorize(ctx.actor, "alert.configure");
  await inTransaction(ctx, async (tx) => {
    const before = await findAlertRule(tx.db, id);
    if (!before) throw notFound("Alert rule");
    await removeRule(tx.db, id);
    await audit(tx, { action: "alert_rule.delete", entityType: "alert_rules", entityId: id, before });
  });
};
