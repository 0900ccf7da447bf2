import {
  type BacktestRunRow,
  listBacktestRuns as listRuns,
} from "../../repositories/warning/backtest-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** Backtest runs newest first, without their (large) reports. */
export const listBacktestRuns = (ctx: ServiceContext, limit = 50): Promise<BacktestRunRow[]> =>
  listRuns(ctx.db, limit);
