import { assertMayClassify } from "../../core/access/policies.ts";
import { ZUpdateScenario } from "../../core/scenarios/scenario.schemas.ts";
import { updateScenario as saveScenario } from "../../repositories/scenarios.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { getScenarioToChange } from "./read-scenarios.ts";
import type { ScenarioView } from "./scenario-view.ts";

export const updateScenario = async (
  ctx: ServiceContext,
  id: string,
  raw: unknown,
): Promise<ScenarioView> => {
  const changes = ZUpdateScenario.parse(raw);
  assertMayClassify(ctx.actor, changes.clearance);
  return inTransaction(ctx, async (tx) => {
    const before = await getScenarioToChange(tx, id);
    const row = await saveScenario(tx.db, id, changes, ctx.now());
    const after = { ...row, sharedWith: before.sharedWith };
    await audit(tx, { action: "scenario.update", entityType: "scenarios", entityId: id, before, after });
    return after;
  });
};
