import { notFound } from "../../core/shared/errors.ts";
import { addMonths, type MonthKey } from "../../core/shared/months.ts";
import {
  type ForecastRecord,
  type ForecastRunRow,
  queryForecasts,
} from "../../repositories/warning/forecast-runs.repository.ts";
import { countrySeries } from "../../repositories/warning/panel.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { publishedRun } from "./read-forecasts.ts";

export type CountryForecastView = {
  run: ForecastRunRow;
  iso3: string;
  name: string | null;
  observed: { month: MonthKey; fatalities: number }[];
  forecasts: ForecastRecord[];
};

/**
 * One country's fan chart: the observed series for the `historyMonths` before the origin (and after it, where
 * the run is older than the data), the forecast median and 80% band per horizon, and the drivers.
 */
export const readCountryForecast = async (
  ctx: ServiceContext,
  iso3: string,
  query: { runId?: string; origin?: MonthKey; historyMonths?: number } = {},
): Promise<CountryForecastView> => {
  const run = await publishedRun(ctx, query);
  const forecasts = await queryForecasts(ctx.db, run.id, { iso3 });
  if (forecasts.length === 0) throw notFound(`A forecast for ${iso3} in run ${run.id}`);
  const observed = await countrySeries(
    ctx.db,
    iso3,
    addMonths(run.origin, -(query.historyMonths ?? 60) + 1),
    addMonths(run.origin, run.maxHorizon),
  );
  return { run, iso3, name: forecasts[0]?.name ?? null, observed, forecasts };
};
