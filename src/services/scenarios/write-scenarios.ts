import { assertMayClassify, authorize, canChange } from "../../core/access/policies.ts";
import {
  type TCreatePlan,
  type TCreateScenario,
  ZCreatePlan,
  ZCreateScenario,
  ZUpdateScenario,
} from "../../core/scenarios/scenario.schemas.ts";
import { forbidden, invalid } from "../../core/shared/errors.ts";
import { replaceShares } from "../../repositories/access/record-shares.repository.ts";
import {
  findVisibleScenario,
  insertPlan,
  insertScenario,
  deleteScenario as removeScenario,
  updateScenario as saveScenario,
} from "../../repositories/scenarios.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertKnownCountry } from "../shared/known-country.ts";
import { getScenario } from "./read-scenarios.ts";
import type { PlanView, ScenarioView } from "./scenario-view.ts";

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

/** Seen but not owned: 403. Not seen at all: 404 (from getScenario). */
const loadForChange = async (ctx: ServiceContext, id: string): Promise<ScenarioView> => {
  const current = await getScenario(ctx, id);
  if (!canChange(ctx.actor, current, "scenario.write"))
    throw forbidden("Only the owning organisation's writers may change this scenario.");
  return current;
};

export const updateScenario = async (
  ctx: ServiceContext,
  id: string,
  raw: unknown,
): Promise<ScenarioView> => {
  const changes = ZUpdateScenario.parse(raw);
  assertMayClassify(ctx.actor, changes.clearance);
  return inTransaction(ctx, async (tx) => {
    const before = await loadForChange(tx, id);
    const row = await saveScenario(tx.db, id, changes, ctx.now());
    const after = { ...row, sharedWith: before.sharedWith };
    await audit(tx, { action: "scenario.update", entityType: "scenarios", entityId: id, before, after });
    return after;
  });
};

export const deleteScenario = async (ctx: ServiceContext, id: string): Promise<void> =>
  inTransaction(ctx, async (tx) => {
    const before = await loadForChange(tx, id);
    await replaceShares(tx.db, "scenarios", id, [], ctx.actor.userId);
    await removeScenario(tx.db, id);
    await audit(tx, { action: "scenario.delete", entityType: "scenarios", entityId: id, before });
  });

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
