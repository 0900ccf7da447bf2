import { invalid, notFound } from "../../core/shared/errors.ts";
import type { MonthKey } from "../../core/shared/months.ts";
import {
  type CellForecastRunRow,
  findCellForecastRun,
  queryCellForecasts,
  type StoredCellForecast,
} from "../../repositories/warning/cell-forecast-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/**
 * A country's newest cell forecast run (from `origin` if given) with its cells, one horizon if asked. Like the
 * country forecasts, every signed-in person reads it: it is made from the shared GED data only.
 */
export const readCellForecast = async (
  ctx: ServiceContext,
  iso3: string,
  query: { origin?: MonthKey | undefined; horizon?: number | undefined } = {},
): Promise<{ run: CellForecastRunRow; forecasts: StoredCellForecast[] }> => {
  const run = await findCellForecastRun(ctx.db, { iso3, origin: query.origin });
  if (!run) throw notFound(`A cell forecast for ${iso3}${query.origin ? ` from ${query.origin}` : ""}`);
  if (query.horizon !== undefined && query.horizon > run.maxHorizon)
    throw invalid(`The run forecasts ${run.maxHorizon} month${run.maxHorizon === 1 ? "" : "s"} ahead.`, [
      { field: "horizon", message: `must be at most ${run.maxHorizon}`, value: query.horizon },
    ]);
  return { run, forecasts: await queryCellForecasts(ctx.db, run.id, query.horizon) };
};
