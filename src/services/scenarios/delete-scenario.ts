import { replaceShares } from "../../repositories/access/record-shares.repository.ts";
import { deleteScenario as removeScenario } from "../../repositories/scenarios.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { getScenarioToChange } from "./read-scenarios.ts";

export const deleteScenario = async (ctx: ServiceContext, id: string): Promise<void> =>
  inTransaction(ctx, async (tx) => {
    const before = await getScenarioToChange(tx, id);
    await replaceShares(tx.db, "scenarios", id, [], ctx.actor.userId);
    await removeScenario(tx.db, id);
    await audit(tx, { action: "scenario.delete", entityType: "scenarios", entityId: id, before });
  });
