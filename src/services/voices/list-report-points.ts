import { clusterCellDegrees, MAP_POINTS_LIMIT } from "../../core/voices/map-clusters.ts";
import { type TPointsQuery, ZPointsQuery } from "../../core/voices/report.schemas.ts";
import {
  clusterVisibleReportPoints,
  listVisibleReportPoints,
  type ReportClusterRow,
  type ReportPointRow,
  visibleReportPointsExtent,
} from "../../repositories/voices/reports.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

export type ReportMapRows = { total: number; points: ReportPointRow[]; clusters: ReportClusterRow[] };

/**
 * The reports map: every report the actor may see that matches the queue's filters and has a place, each as
 * a point up to `MAP_POINTS_LIMIT`, else gathered in grid cells sized to the reports' extent.
 */
export const listReportPoints = async (
  ctx: ServiceContext,
  raw: Partial<TPointsQuery>,
): Promise<ReportMapRows> => {
  const query = ZPointsQuery.parse(raw);
  const { count, extent } = await visibleReportPointsExtent(ctx.db, ctx.actor, query);
  if (count <= MAP_POINTS_LIMIT || extent === null) {
    return { total: count, points: await listVisibleReportPoints(ctx.db, ctx.actor, query), clusters: [] };
  }
  const clusters = await clusterVisibleReportPoints(ctx.db, ctx.actor, query, clusterCellDegrees(extent));
  return { total: count, points: [], clusters };
};
