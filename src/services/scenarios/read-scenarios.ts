import { canChange } from "../../core/access/policies.ts";
import { forbidden, notFound } from "../../core/shared/errors.ts";
import {
  findVisiblePlan,
  findVisibleScenario,
  listVisiblePlans,
  listVisibleScenarios,
} from "../../repositories/scenarios.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { type PlanView, plansWithShares, type ScenarioView, scenariosWithShares } from "./scenario-view.ts";

/** Only what the actor is cleared for, in lists, search and exports alike; the rest does not exist for them. */
export const listScenarios = async (
  ctx: ServiceContext,
  filter: { iso3?: string | undefined; search?: string | undefined },
): Promise<ScenarioView[]> =>
  scenariosWithShares(ctx.db, await listVisibleScenarios(ctx.db, ctx.actor, filter));

export const getScenario = async (ctx: ServiceContext, id: string): Promise<ScenarioView> => {
  const row = await findVisibleScenario(ctx.db, ctx.actor, id);
  if (!row) throw notFound("Scenario");
  const [view] = await scenariosWithShares(ctx.db, [row]);
  if (!view) throw notFound("Scenario");
  return view;
};

/** A plan may be more open than its scenario: the link is left out for a reader who may not know the scenario. */
const withReadableScenarios = (ctx: ServiceContext, plans: PlanView[]): Promise<PlanView[]> =>
  Promise.all(
    plans.map(async (plan) =>
      plan.scenarioId && !(await findVisibleScenario(ctx.db, ctx.actor, plan.scenarioId))
        ? { ...plan, scenarioId: null }
        : plan,
    ),
  );

export const listPlans = async (
  ctx: ServiceContext,
  filter: { iso3?: string | undefined; search?: string | undefined; scenarioId?: string | undefined },
): Promise<PlanView[]> =>
  withReadableScenarios(
    ctx,
    await plansWithShares(ctx.db, await listVisiblePlans(ctx.db, ctx.actor, filter)),
  );

export const getPlan = async (ctx: ServiceContext, id: string): Promise<PlanView> => {
  const row = await findVisiblePlan(ctx.db, ctx.actor, id);
  if (!row) throw notFound("Contingency plan");
  const [view] = await withReadableScenarios(ctx, await plansWithShares(ctx.db, [row]));
  if (!view) throw notFound("Contingency plan");
  return view;
};

/** A scenario its reader may change. Seen but not owned: 403. Not seen at all: 404 (from getScenario). */
export const getScenarioToChange = async (ctx: ServiceContext, id: string): Promise<ScenarioView> => {
  const current = await getScenario(ctx, id);
  if (!canChange(ctx.actor, current, "scenario.write"))
    throw forbidden("Only the owning organisation's writers may change this scenario.");
  return current;
};
