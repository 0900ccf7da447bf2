import type { Db } from "../../db/types.ts";
import { listShares } from "../../repositories/access/record-shares.repository.ts";
import type { AnalysisRow } from "../../repositories/analyses.repository.ts";

export type AnalysisView = AnalysisRow & { sharedWith: string[] };

export const withShares = async (db: Db, rows: readonly AnalysisRow[]): Promise<AnalysisView[]> => {
  const shares = await listShares(
    db,
    "analyses",
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, sharedWith: shares.get(row.id) ?? [] }));
};
