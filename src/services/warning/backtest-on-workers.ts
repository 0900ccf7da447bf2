import { availableParallelism } from "node:os";
import type { MonthKey } from "../../core/shared/months.ts";
import { maxHorizon as defaultMaxHorizon } from "../../core/warning/forecast.ts";
import type { WarningPanel } from "../../core/warning/panel.ts";
import { backtestSteps } from "../../core/warning/progress.ts";
import {
  type BacktestPart,
  type BacktestProgress,
  type BacktestResult,
  combineBacktest,
} from "./backtest.ts";
import type { ForecastOptions } from "./forecast.ts";
import { runModelTask } from "./model-jobs.ts";

/**
 * The backtest with each origin trained on its own worker thread, as many at once as there are cores: the
 * origins are independent and each training uses one thread, so two cores halve the wait. Origins start newest
 * first (they have the most data to train on) so the last one to finish is a short one. The report is the
 * same as `backtest`'s on one thread; progress adds up the steps done on every thread.
 */
export const backtestOnWorkers = async (
  panel: WarningPanel,
  origins: readonly MonthKey[],
  options: ForecastOptions = {},
  onProgress: BacktestProgress = () => {},
  threads = availableParallelism(),
): Promise<BacktestResult> => {
  const maxHorizon = options.maxHorizon ?? defaultMaxHorizon;
  const total = backtestSteps(origins.length, maxHorizon);
  const queue = [...origins].sort().reverse();
  const doneAt = new Map<MonthKey, number>();
  const parts: BacktestPart[] = [];

  const runNext = async (): Promise<void> => {
    for (let origin = queue.shift(); origin !== undefined; origin = queue.shift()) {
      const at = origin;
      try {
        const result = await runModelTask({ kind: "backtest", panel, origins: [at], options }, (progress) => {
          doneAt.set(at, progress.done);
          const done = [...doneAt.values()].reduce((a, b) => a + b, 0);
          onProgress({ ...progress, done, total });
        });
        if (result.kind !== "backtest") throw new Error("the model worker answered a different task");
        parts.push(result.part);
      } catch (error) {
        queue.length = 0;
        throw error;
      }
    }
  };
  // Every thread is waited for, even after one fails, so the job ends only when no training is left running.
  const runners = Array.from({ length: Math.max(1, Math.min(threads, origins.length)) }, runNext);
  const failure = (await Promise.allSettled(runners)).find((r) => r.status === "rejected");
  if (failure) throw failure.reason;
  return combineBacktest(parts, origins, maxHorizon);
};
