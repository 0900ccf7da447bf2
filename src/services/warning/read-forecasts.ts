import { DomainError, invalid, notFound } from "../../core/shared/errors.ts";
import { addMonths, type MonthKey } from "../../core/shared/months.ts";
import type { TForecastQuery } from "../../core/warning/warning.schemas.ts";
import {
  type ForecastRecord,
  type ForecastRunRow,
  findForecastRun,
  latestPublishedRun,
  queryForecasts,
} from "../../repositories/warning/forecast-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** The run a read is about: the one named, else the newest published run (of one origin, if given). */
export const publishedRun = async (
  ctx: ServiceContext,
  which: { runId?: string; origin?: MonthKey },
): Promise<ForecastRunRow> => {
  if (which.runId) {
    const run = await findForecastRun(ctx.db, which.runId);
    if (!run) throw notFound(`Forecast run ${which.runId}`);
    return run;
  }
  const run = await latestPublishedRun(ctx.db, which.origin);
  if (run) return run;
  // Said so, rather than "not found": the next step is to forecast from that month (an experiment is not
  // published, and is read by its id).
  throw new DomainError(
    "not_found",
    which.origin
      ? `No forecast from ${which.origin} is published: run a forecast from that origin first.`
      : "No forecast is published yet: run a forecast first.",
  );
};

/** Forecasts of one run (default: the latest), filtered by country, horizon and target month. */
export const readForecasts = async (
  ctx: ServiceContext,
  query: TForecastQuery & { runId?: string },
): Promise<{ run: ForecastRunRow; forecasts: ForecastRecord[] }> => {
  const run = await publishedRun(ctx, query);
  // An empty answer would pass for "no forecast"; a filter outside the run is a mistake to name.
  if (query.horizon !== undefined && query.horizon > run.maxHorizon)
    throw invalid(`The run forecasts ${run.maxHorizon} month${run.maxHorizon === 1 ? "" : "s"} ahead.`, [
      { field: "horizon", message: `at most ${run.maxHorizon}`, value: query.horizon },
    ]);
  if (query.month !== undefined) {
    const [first, last] = [addMonths(run.origin, 1), addMonths(run.origin, run.maxHorizon)];
    if (query.month < first || query.month > last)
      throw invalid(`The run from ${run.origin} forecasts the months ${first} to ${last}.`, [
        { field: "month", message: `from ${first} to ${last}`, value: query.month },
      ]);
  }
  const forecasts = await queryForecasts(ctx.db, run.id, query);
  if (
    query.iso3 &&
    forecasts.length === 0 &&
    (await queryForecasts(ctx.db, run.id, { iso3: query.iso3 })).length === 0
  )
    throw invalid(`${query.iso3} is not among the countries of the forecast run from ${run.origin}.`, [
      { field: "iso3", message: "not a country of this run", value: query.iso3 },
    ]);
  return { run, forecasts };
};
