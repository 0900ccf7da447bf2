import { assertMayClassify, authorize } from "../../core/access/policies.ts";
import { type TCreatePlan, ZCreatePlan } from "../../core/scenarios/scenario.schemas.ts";
import { invalid } from "../../core/shared/errors.ts";
import { findVisibleScenario, insertPlan } from "../../repositories/scenarios.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertKnownCountry } from "../shared/known-country.ts";
import type { PlanView } from "./scenario-view.ts";

/** A contingency plan, optionally for one of the scenarios the author can see; confidential by default. */
export const createPlan = async (ctx: ServiceContext, raw: TCreatePlan): Promise<PlanView> => {
  authorize(ctx.actor, "scenario.write");
  const input = ZCreatePlan.parse(raw);
  assertMayClassify(ctx.actor, input.clearance);
  await assertKnownCountry(ctx.db, input.iso3);
  return inTransaction(ctx, async (tx) => {
    const scenario = input.scenarioId ? await findVisibleScenario(tx.db, ctx.actor, input.scenarioId) : null;
    if (input.scenarioId && !scenario)
      throw invalid("No such scenario.", [{ field: "scenarioId", message: "unknown scenario" }]);
    if (scenario && scenario.iso3 !== input.iso3)
      throw invalid(`The scenario is about ${scenario.iso3}, the plan about ${input.iso3}.`, [
        { field: "scenarioId", message: `a scenario of ${scenario.iso3}` },
      ]);
    const row = await insertPlan(tx.db, {
      ...input,
      ownerOrgId: ctx.actor.orgId,
      createdBy: ctx.actor.userId,
      now: ctx.now(),
    });
    const after = { ...row, sharedWith: [] };
    await audit(tx, {
      action: "contingency_plan.create",
      entityType: "contingency_plans",
      entityId: row.id,
      after,
    });
    return after;
  });
};
