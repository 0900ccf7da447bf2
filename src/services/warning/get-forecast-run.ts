import { notFound } from "../../core/shared/errors.ts";
import { type ForecastRunRow, findForecastRun } from "../../repositories/warning/forecast-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** One forecast run with its status and progress (poll it while it runs). */
export const getForecastRun = async (ctx: ServiceContext, id: string): Promise<ForecastRunRow> => {
  const run = await findForecastRun(ctx.db, id);
  if (!run) throw notFound(`Forecast run ${id}`);
  return run;
};
