import {
  type ForecastRunRow,
  latestRunPerOrigin,
  listForecastRuns as listRuns,
} from "../../repositories/warning/forecast-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/**
 * Forecast runs, newest first (any status, so running and failed runs show); or, with `latestPerOrigin`,
 * the newest published run of each origin: the forecast everyone sees for that origin.
 */
export const listForecastRuns = (
  ctx: ServiceContext,
  query: { latestPerOrigin?: boolean; limit?: number } = {},
): Promise<ForecastRunRow[]> =>
  query.latestPerOrigin ? latestRunPerOrigin(ctx.db) : listRuns(ctx.db, query.limit ?? 50);
