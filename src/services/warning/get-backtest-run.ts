import { notFound } from "../../core/shared/errors.ts";
import {
  type BacktestRunRow,
  findBacktestRun,
  latestSucceededBacktest,
} from "../../repositories/warning/backtest-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** One backtest run with its progress and, once it succeeded, its report; "latest" is the newest success. */
export const getBacktestRun = async (ctx: ServiceContext, id: string | "latest"): Promise<BacktestRunRow> => {
  const run = id === "latest" ? await latestSucceededBacktest(ctx.db) : await findBacktestRun(ctx.db, id);
  if (!run) throw notFound(id === "latest" ? "A succeeded backtest run" : `Backtest run ${id}`);
  return run;
};
