import type { BacktestRunRow } from "../../repositories/warning/backtest-runs.repository.ts";
import type { ForecastRunRow } from "../../repositories/warning/forecast-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { findReferenceBacktest } from "./get-backtest-run.ts";
import { isStandardRun } from "./train-forecast-model.ts";

export type ForecastRunWithEvidence = { run: ForecastRunRow; backtest: BacktestRunRow | null };

/**
 * Each run beside the evidence for it: the newest reference backtest of the same model version. An experiment
 * (other settings, fewer months) has none: the reference scores do not describe it.
 */
export const withEvidence = async (
  ctx: ServiceContext,
  runs: readonly ForecastRunRow[],
): Promise<ForecastRunWithEvidence[]> => {
  const byVersion = new Map<string, BacktestRunRow | null>();
  for (const version of new Set(runs.map((run) => run.modelVersion)))
    byVersion.set(version, (await findReferenceBacktest(ctx, version)) ?? null);
  return runs.map((run) => ({
    run,
    backtest: isStandardRun(run.parameters, run.maxHorizon)
      ? (byVersion.get(run.modelVersion) ?? null)
      : null,
  }));
};
