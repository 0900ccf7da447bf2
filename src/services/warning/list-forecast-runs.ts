import {
  latestRunPerOrigin,
  listForecastRuns as listRuns,
} from "../../repositories/warning/forecast-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { type ForecastRunWithEvidence, withEvidence } from "./forecast-run-evidence.ts";

/**
 * Forecast runs, newest first (any status, so running and failed runs show); or, with `latestPerOrigin`,
 * the newest published run of each origin: the forecast everyone sees for that origin. Each comes with the
 * backtest that is the evidence for it.
 */
export const listForecastRuns = async (
  ctx: ServiceContext,
  query: { latestPerOrigin?: boolean; limit?: number } = {},
): Promise<ForecastRunWithEvidence[]> =>
  withEvidence(
    ctx,
    query.latestPerOrigin
      ? (await latestRunPerOrigin(ctx.db)).slice(0, query.limit ?? 50)
      : await listRuns(ctx.db, query.limit ?? 50),
  );
