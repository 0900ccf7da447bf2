import type { Actor } from "../core/access/actor.ts";
import type { Clearance } from "../core/access/vocabulary.ts";
import type { Db } from "../db/types.ts";
import { visibleTo } from "./access/visibility.ts";
import { containsPattern } from "./contains-pattern.ts";

export type ScenarioRow = {
  id: string;
  ownerOrgId: string;
  clearance: Clearance;
  iso3: string;
  title: string;
  narrative: string;
  triggers: string[];
  likelihood: string;
  impact: string;
  indicatorsToWatch: string[];
  horizonMonths: number | null;
  createdAt: Date;
  updatedAt: Date;
};

const scenarioColumns = [
  "id",
  "owner_org_id as ownerOrgId",
  "clearance",
  "iso3",
  "title",
  "narrative",
  "triggers",
  "likelihood",
  "impact",
  "indicators_to_watch as indicatorsToWatch",
  "horizon_months as horizonMonths",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

// jsonb arrays and enums are written only through the zod-validated services.
const typedScenario = (row: Record<string, unknown>): ScenarioRow => row as ScenarioRow;

/** Only scenarios the actor may see ever leave the database. */
export const listVisibleScenarios = async (
  db: Db,
  actor: Actor,
  filter: { iso3?: string | undefined; search?: string | undefined },
): Promise<ScenarioRow[]> => {
  let query = db.selectFrom("scenarios").select(scenarioColumns).where(visibleTo(actor, "scenarios"));
  if (filter.iso3) query = query.where("iso3", "=", filter.iso3);
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    query = query.where((eb) => eb.or([eb("title", "ilike", pattern), eb("narrative", "ilike", pattern)]));
  }
  return (await query.orderBy("updated_at", "desc").limit(500).execute()).map(typedScenario);
};

export const findVisibleScenario = async (
  db: Db,
  actor: Actor,
  id: string,
): Promise<ScenarioRow | undefined> => {
  const row = await db
    .selectFrom("scenarios")
    .select(scenarioColumns)
    .where("id", "=", id)
    .where(visibleTo(actor, "scenarios"))
    .executeTakeFirst();
  return row && typedScenario(row);
};

type ScenarioValues = Omit<ScenarioRow, "id" | "createdAt" | "updatedAt">;

const scenarioValues = (input: Partial<ScenarioValues>) => ({
  ...(input.ownerOrgId !== undefined ? { owner_org_id: input.ownerOrgId } : {}),
  ...(input.clearance !== undefined ? { clearance: input.clearance } : {}),
  ...(input.iso3 !== undefined ? { iso3: input.iso3 } : {}),
  ...(input.title !== undefined ? { title: input.title } : {}),
  ...(input.narrative !== undefined ? { narrative: input.narrative } : {}),
  ...(input.triggers !== undefined ? { triggers: JSON.stringify(input.triggers) } : {}),
  ...(input.likelihood !== undefined ? { likelihood: input.likelihood } : {}),
  ...(input.impact !== undefined ? { impact: input.impact } : {}),
  ...(input.indicatorsToWatch !== undefined
    ? { indicators_to_watch: JSON.stringify(input.indicatorsToWatch) }
    : {}),
  ...(input.horizonMonths !== undefined ? { horizon_months: input.horizonMonths } : {}),
});

export const insertScenario = async (
  db: Db,
  input: ScenarioValues & { createdBy: string; now: Date },
): Promise<ScenarioRow> =>
  typedScenario(
    await db
      .insertInto("scenarios")
      .values({
        owner_org_id: input.ownerOrgId,
        clearance: input.clearance,
        iso3: input.iso3,
        title: input.title,
        likelihood: input.likelihood,
        impact: input.impact,
        ...scenarioValues(input),
        created_by: input.createdBy,
        created_at: input.now,
        updated_at: input.now,
      })
      .returning(scenarioColumns)
      .executeTakeFirstOrThrow(),
  );

export const updateScenario = async (
  db: Db,
  id: string,
  changes: Partial<ScenarioValues>,
  now: Date,
): Promise<ScenarioRow> =>
  typedScenario(
    await db
      .updateTable("scenarios")
      .set({ ...scenarioValues(changes), updated_at: now })
      .where("id", "=", id)
      .returning(scenarioColumns)
      .executeTakeFirstOrThrow(),
  );

export const deleteScenario = async (db: Db, id: string): Promise<void> => {
  await db.deleteFrom("scenarios").where("id", "=", id).execute();
};

export type PlanRow = {
  id: string;
  ownerOrgId: string;
  clearance: Clearance;
  iso3: string;
  scenarioId: string | null;
  title: string;
  objective: string;
  activation: string;
  actions: { action: string; actor: string; timeline: string }[];
  createdAt: Date;
  updatedAt: Date;
};

const planColumns = [
  "id",
  "owner_org_id as ownerOrgId",
  "clearance",
  "iso3",
  "scenario_id as scenarioId",
  "title",
  "objective",
  "activation",
  "actions",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

const typedPlan = (row: Record<string, unknown>): PlanRow => row as PlanRow;

export const listVisiblePlans = async (
  db: Db,
  actor: Actor,
  filter: { iso3?: string | undefined; search?: string | undefined; scenarioId?: string | undefined },
): Promise<PlanRow[]> => {
  let query = db
    .selectFrom("contingency_plans")
    .select(planColumns)
    .where(visibleTo(actor, "contingency_plans"));
  if (filter.iso3) query = query.where("iso3", "=", filter.iso3);
  if (filter.scenarioId) query = query.where("scenario_id", "=", filter.scenarioId);
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    query = query.where((eb) =>
      eb.or([
        eb("title", "ilike", pattern),
        eb("objective", "ilike", pattern),
        eb("activation", "ilike", pattern),
      ]),
    );
  }
  return (await query.orderBy("updated_at", "desc").limit(500).execute()).map(typedPlan);
};

export const findVisiblePlan = async (db: Db, actor: Actor, id: string): Promise<PlanRow | undefined> => {
  const row = await db
    .selectFrom("contingency_plans")
    .select(planColumns)
    .where("id", "=", id)
    .where(visibleTo(actor, "contingency_plans"))
    .executeTakeFirst();
  return row && typedPlan(row);
};

export const insertPlan = async (
  db: Db,
  input: Omit<PlanRow, "id" | "createdAt" | "updatedAt"> & { createdBy: string; now: Date },
): Promise<PlanRow> =>
  typedPlan(
    await db
      .insertInto("contingency_plans")
      .values({
        owner_org_id: input.ownerOrgId,
        clearance: input.clearance,
        iso3: input.iso3,
        scenario_id: input.scenarioId,
        title: input.title,
        objective: input.objective,
        activation: input.activation,
        actions: JSON.stringify(input.actions),
        created_by: input.createdBy,
        created_at: input.now,
        updated_at: input.now,
      })
      .returning(planColumns)
      .executeTakeFirstOrThrow(),
  );
