import type { TColleague } from "../../core/users/user.schemas.ts";
import type { ServiceContext } from "../shared/context.ts";
import { listColleagues } from "../users/list-colleagues.ts";
import { loadReportForChange } from "./report-view.ts";

/** Whom the receiving organisation's staff may hand a report to: their colleagues who triage. */
export const listTriageColleagues = async (ctx: ServiceContext, id: string): Promise<TColleague[]> => {
  const report = await loadReportForChange(ctx, id, "voices.triage");
  return listColleagues(ctx.db, report.ownerOrgId, "voices.triage", report);
};
