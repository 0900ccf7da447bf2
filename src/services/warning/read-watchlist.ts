import { invalid } from "../../core/shared/errors.ts";
import { type TWatchlistQuery, ZWatchlistQuery } from "../../core/warning/warning.schemas.ts";
import { rankByRisk } from "../../core/warning/watchlist.ts";
import {
  type ForecastRecord,
  type ForecastRunRow,
  previousPublishedRun,
  queryForecasts,
} from "../../repositories/warning/forecast-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { publishedRun } from "./read-forecasts.ts";

export type WatchlistView = {
  run: ForecastRunRow;
  previousRun: ForecastRunRow | null;
  measure: "pGt0" | "pGe25";
  horizon: number;
  entries: ReturnType<typeof rankByRisk<ForecastRecord>>;
};

const monthsAhead = (horizon: number): string => (horizon === 1 ? "1 month" : `1 to ${horizon} months`);

/**
 * Countries ranked by risk in the latest run (P(≥25 deaths) by default, one horizon), each with its change
 * since the run before: the list a desk officer reads first.
 */
export const readWatchlist = async (
  ctx: ServiceContext,
  raw: TWatchlistQuery = {},
): Promise<WatchlistView> => {
  const query = ZWatchlistQuery.parse(raw);
  const run = await publishedRun(ctx, query);
  if (query.horizon > run.maxHorizon)
    throw invalid(`The run from ${run.origin} forecasts ${monthsAhead(run.maxHorizon)} ahead.`, [
      { field: "horizon", message: `at most ${run.maxHorizon}`, value: query.horizon },
    ]);
  const previousRun = (await previousPublishedRun(ctx.db, run)) ?? null;
  const [current, previous] = await Promise.all([
    queryForecasts(ctx.db, run.id, { horizon: query.horizon }),
    previousRun ? queryForecasts(ctx.db, previousRun.id, { horizon: query.horizon }) : Promise.resolve([]),
  ]);
  return {
    run,
    previousRun,
    measure: query.measure,
    horizon: query.horizon,
    entries: rankByRisk(current, previous, query.measure, query.horizon, query.limit),
  };
};
