import type { Generated } from "kysely";
import type { Json, Timestamp } from "./columns.ts";
import type { ProtectedColumns } from "./foundation.ts";

// Scenarios and contingency plans (migration 0004): records under clearance, confidential by default.

type ScenariosTable = ProtectedColumns & {
  id: Generated<string>;
  iso3: string;
  title: string;
  narrative: Generated<string>;
  triggers: Json;
  likelihood: string;
  impact: string;
  indicators_to_watch: Json;
  horizon_months: number | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

type ContingencyPlansTable = ProtectedColumns & {
  id: Generated<string>;
  iso3: string;
  scenario_id: string | null;
  title: string;
  objective: Generated<string>;
  activation: Generated<string>;
  actions: Json;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ScenarioTables = { scenarios: ScenariosTable; contingency_plans: ContingencyPlansTable };
