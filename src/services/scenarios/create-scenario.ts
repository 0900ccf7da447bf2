import { assertMayClassify, authorize } from "../../core/access/policies.ts";
import { type TCreateScenario, ZCreateScenario } from "../../core/scenarios/scenario.schemas.ts";
import { insertScenario } from "../../repositories/scenarios.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertKnownCountry } from "../shared/known-country.ts";
import type { ScenarioView } from "./scenario-view.ts";

/** A scenario for a country: confidential to the author's organisation unless chosen otherwise. */
export const createScenario = async (ctx: ServiceContext, raw: TCreateScenario): Promise<ScenarioView> => {
  authorize(ctx.actor, "scenario.write");
  const input = ZCreateScenario.parse(raw);
  assertMayClassify(ctx.actor, input.clearance);
  await assertKnownCountry(ctx.db, input.iso3);
  return inTransaction(ctx, async (tx) => {
    const row = await insertScenario(tx.db, {
      ...input,
      ownerOrgId: ctx.actor.orgId,
      createdBy: ctx.actor.userId,
      now: ctx.now(),
    });
    const after = { ...row, sharedWith: [] };
    await audit(tx, { action: "scenario.create", entityType: "scenarios", entityId: row.id, after });
    return after;
  });
};
