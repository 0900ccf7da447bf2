import type { Db } from "../../db/types.ts";
import { listShares } from "../../repositories/access/record-shares.repository.ts";
import type { PlanRow, ScenarioRow } from "../../repositories/scenarios.repository.ts";

export type ScenarioView = ScenarioRow & { sharedWith: string[] };
export type PlanView = PlanRow & { sharedWith: string[] };

export const scenariosWithShares = async (db: Db, rows: readonly ScenarioRow[]): Promise<ScenarioView[]> => {
  const shares = await listShares(
    db,
    "scenarios",
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, sharedWith: shares.get(row.id) ?? [] }));
};

export const plansWithShares = async (db: Db, rows: readonly PlanRow[]): Promise<PlanView[]> => {
  const shares = await listShares(
    db,
    "contingency_plans",
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, sharedWith: shares.get(row.id) ?? [] }));
};
