import type { TPlan, TScenario } from "../../core/scenarios/scenario.schemas.ts";
import type { PlanView, ScenarioView } from "../../services/scenarios/scenario-view.ts";

// Enum columns are constrained by CHECKs that mirror the zod enums.
export const presentScenario = (scenario: ScenarioView): TScenario => ({
  id: scenario.id,
  iso3: scenario.iso3,
  title: scenario.title,
  narrative: scenario.narrative,
  triggers: scenario.triggers,
  likelihood: scenario.likelihood as TScenario["likelihood"],
  impact: scenario.impact as TScenario["impact"],
  indicatorsToWatch: scenario.indicatorsToWatch,
  horizonMonths: scenario.horizonMonths,
  clearance: scenario.clearance,
  ownerOrgId: scenario.ownerOrgId,
  sharedWith: scenario.sharedWith,
  createdAt: scenario.createdAt.toISOString(),
  updatedAt: scenario.updatedAt.toISOString(),
});

export const presentPlan = (plan: PlanView): TPlan => ({
  id: plan.id,
  iso3: plan.iso3,
  scenarioId: plan.scenarioId,
  title: plan.title,
  objective: plan.objective,
  activation: plan.activation,
  actions: plan.actions,
  clearance: plan.clearance,
  ownerOrgId: plan.ownerOrgId,
  sharedWith: plan.sharedWith,
  createdAt: plan.createdAt.toISOString(),
  updatedAt: plan.updatedAt.toISOString(),
});
