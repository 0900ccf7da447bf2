import { type TPointsQuery, ZPointsQuery } from "../../core/voices/report.schemas.ts";
import {
  listVisibleReportPoints,
  type ReportPointRow,
} from "../../repositories/voices/reports.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** The places of every report the actor may see that matches the queue's filters: the reports map's points. */
export const listReportPoints = (
  ctx: ServiceContext,
  raw: Partial<TPointsQuery>,
): Promise<ReportPointRow[]> => listVisibleReportPoints(ctx.db, ctx.actor, ZPointsQuery.parse(raw));
