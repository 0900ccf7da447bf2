import { notFound } from "../../core/shared/errors.ts";
import { referenceOrigins } from "../../core/warning/backtest-report.ts";
import {
  type BacktestRunRow,
  findBacktestRun,
  listBacktestRuns,
} from "../../repositories/warning/backtest-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { isStandardRun } from "./train-forecast-model.ts";

/**
 * Whether a backtest describes the published forecasts: the standard settings over 12 months or more, on all
 * the reference origins. An analyst's two-origin run or other months are experiments, however recent.
 */
export const isReferenceBacktest = (
  run: Pick<BacktestRunRow, "parameters" | "maxHorizon" | "origins">,
): boolean =>
  isStandardRun(run.parameters, run.maxHorizon) &&
  referenceOrigins.every((origin) => run.origins.includes(origin));

/**
 * The newest succeeded reference backtest (of one model version, if named), with its report; without a
 * `modelVersion`, an experiment stands in when there is nothing else to show.
 */
export const findReferenceBacktest = async (
  ctx: ServiceContext,
  modelVersion?: string,
): Promise<BacktestRunRow | undefined> => {
  const succeeded = (await listBacktestRuns(ctx.db, 200)).filter(
    (r) => r.status === "succeeded" && (modelVersion === undefined || r.modelVersion === modelVersion),
  );
  const chosen =
    succeeded.find(isReferenceBacktest) ?? (modelVersion === undefined ? succeeded[0] : undefined);
  return chosen && findBacktestRun(ctx.db, chosen.id);
};

/** One backtest run with its progress and, once it succeeded, its report; "latest" is the reference run. */
export const getBacktestRun = async (ctx: ServiceContext, id: string | "latest"): Promise<BacktestRunRow> => {
  const run = id === "latest" ? await findReferenceBacktest(ctx) : await findBacktestRun(ctx.db, id);
  if (!run) throw notFound(id === "latest" ? "A succeeded backtest run" : `Backtest run ${id}`);
  return run;
};
