import type { Action } from "../../core/access/policies.ts";
import { canChange, canSee } from "../../core/access/policies.ts";
import { forbidden, notFound } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import { listShares } from "../../repositories/access/record-shares.repository.ts";
import { listCategories } from "../../repositories/voices/forms.repository.ts";
import { findVisibleReport, type ReportRow } from "../../repositories/voices/reports.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

export type ReportView = ReportRow & { sharedWith: string[]; factors: number[] };

export const withFactors = async (db: Db, rows: readonly ReportRow[]): Promise<ReportView[]> => {
  const factors = new Map((await listCategories(db)).map((c) => [c.code, c.factors]));
  const shares = await listShares(
    db,
    "voices_reports",
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    factors: factors.get(row.category) ?? [],
    sharedWith: shares.get(row.id) ?? [],
  }));
};

/** A report the actor may not see is missing, never forbidden: its existence stays secret. */
export const loadVisibleReport = async (ctx: ServiceContext, id: string): Promise<ReportView> => {
  const row = await findVisibleReport(ctx.db, ctx.actor, id);
  if (!row) throw notFound("Report");
  const [view] = await withFactors(ctx.db, [row]);
  if (
    !view ||
    !canSee(ctx.actor, {
      ownerOrgId: view.ownerOrgId,
      clearance: view.clearance,
      sharedWith: view.sharedWith,
    })
  )
    throw notFound("Report");
  return view;
};

/** Seen but not the owning organisation's, or a role without the action: 403. Not seen: 404. */
export const loadReportForChange = async (
  ctx: ServiceContext,
  id: string,
  action: Action,
): Promise<ReportView> => {
  const view = await loadVisibleReport(ctx, id);
  if (
    !canChange(
      ctx.actor,
      { ownerOrgId: view.ownerOrgId, clearance: view.clearance, sharedWith: view.sharedWith },
      action,
    )
  ) {
    throw forbidden(
      `Only the receiving organisation's staff whose role allows ${action.replace(".", " ")} may do this.`,
    );
  }
  return view;
};
