import { type TQueueQuery, ZQueueQuery } from "../../core/voices/report.schemas.ts";
import { listVisibleReports } from "../../repositories/voices/reports.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { type ReportView, withFactors } from "./report-view.ts";

/** The triage queue: reports the actor may see, newest first, filtered. */
export const listReports = async (
  ctx: ServiceContext,
  raw: Partial<TQueueQuery>,
): Promise<{ reports: ReportView[]; total: number }> => {
  const query = ZQueueQuery.parse(raw);
  const { rows, total } = await listVisibleReports(ctx.db, ctx.actor, query);
  return { reports: await withFactors(ctx.db, rows), total };
};
