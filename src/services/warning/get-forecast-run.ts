import { notFound } from "../../core/shared/errors.ts";
import { findForecastRun } from "../../repositories/warning/forecast-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { type ForecastRunWithEvidence, withEvidence } from "./forecast-run-evidence.ts";

/** One forecast run with its status and progress (poll it while it runs), and the backtest behind it. */
export const getForecastRun = async (ctx: ServiceContext, id: string): Promise<ForecastRunWithEvidence> => {
  const run = await findForecastRun(ctx.db, id);
  if (!run) throw notFound(`Forecast run ${id}`);
  const [withBacktest] = await withEvidence(ctx, [run]);
  return withBacktest as ForecastRunWithEvidence;
};
