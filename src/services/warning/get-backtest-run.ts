import { notFound } from "../../core/shared/errors.ts";
import {
  type BacktestRunRow,
  findBacktestRun,
  listBacktestRuns,
} from "../../repositories/warning/backtest-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { isStandardRun } from "./train-forecast-model.ts";

/**
 * The backtest a reader is shown first: the newest that succeeded with the standard settings, which describes
 * the published forecasts; an analyst's experiment (fewer rounds, one month ahead) only when there is no other.
 */
const referenceBacktest = async (ctx: ServiceContext): Promise<BacktestRunRow | undefined> => {
  const succeeded = (await listBacktestRuns(ctx.db, 200)).filter((r) => r.status === "succeeded");
  const chosen = succeeded.find((r) => isStandardRun(r.parameters, r.maxHorizon)) ?? succeeded[0];
  return chosen && findBacktestRun(ctx.db, chosen.id);
};

/** One backtest run with its progress and, once it succeeded, its report; "latest" is the reference run. */
export const getBacktestRun = async (ctx: ServiceContext, id: string | "latest"): Promise<BacktestRunRow> => {
  const run = id === "latest" ? await referenceBacktest(ctx) : await findBacktestRun(ctx.db, id);
  if (!run) throw notFound(id === "latest" ? "A succeeded backtest run" : `Backtest run ${id}`);
  return run;
};
