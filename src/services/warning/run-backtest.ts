import { authorize } from "../../core/access/policies.ts";
import { DomainError, invalid } from "../../core/shared/errors.ts";
import { addMonths, monthIndex } from "../../core/shared/months.ts";
import { defaultCovariates } from "../../core/warning/features.ts";
import { backtestSteps, progressAt } from "../../core/warning/progress.ts";
import {
  type TProgress,
  type TStartBacktestRun,
  ZStartBacktestRun,
} from "../../core/warning/warning.schemas.ts";
import {
  type BacktestRunRow,
  findBacktestRun,
  insertBacktestRun,
  updateBacktestRun,
} from "../../repositories/warning/backtest-runs.repository.ts";
import { modelVersion, panelDatasetVersions } from "../../repositories/warning/model-provenance.ts";
import { loadWarningPanel } from "../../repositories/warning/panel.repository.ts";
import { sharedDatasetIds } from "../data/shared-datasets.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { modelName } from "./backtest.ts";
import { backtestOnWorkers } from "./backtest-on-workers.ts";
import { assertEnoughHistory } from "./enough-history.ts";
import { latestOrigin } from "./latest-origin.ts";
import { enqueueModelJob } from "./model-jobs.ts";
import { forecastModelDefaults } from "./train-forecast-model.ts";

type BacktestRunStarted = {
  run: BacktestRunRow;
  completion: Promise<BacktestRunRow>;
};

/**
 * Starts a rolling-origin backtest: at each origin the model is retrained on data dated at or before it and
 * scored against what followed, beside the three naive baselines. The run is recorded at once; progress is
 * written to it while it runs (one step per origin for the model, one for the baselines), then the report.
 */
export const startBacktestRun = async (
  ctx: ServiceContext,
  raw: TStartBacktestRun & { onProgress?: (progress: TProgress) => void },
): Promise<BacktestRunStarted> => {
  authorize(ctx.actor, "backtest.run");
  const input = ZStartBacktestRun.parse(raw);
  const origins = [...input.origins].sort();
  // The data end where a forecast would start: months only a few countries reach would be scored on those few.
  const lastMonth = await latestOrigin(ctx);
  if (!lastMonth)
    throw new DomainError(
      "not_initialised",
      "The database holds no conflict series to backtest on: import ViEWS country-month data first.",
    );
  // Every month ahead is scored: an origin whose later months run past the data would be reported as 1–12
  // months ahead while only the first few were scored.
  const late = origins.filter((o) => monthIndex(o) + input.maxHorizon > monthIndex(lastMonth));
  if (late.length > 0)
    throw invalid(
      `A backtest origin needs ${input.maxHorizon} later months of data to score every month ahead.`,
      [
        {
          field: "origins",
          message: `the data end in ${lastMonth}: the latest origin for ${input.maxHorizon} months ahead is ${addMonths(lastMonth, -input.maxHorizon)}`,
          value: late,
        },
      ],
    );
  const covariates = defaultCovariates.map((c) => c.name);
  const parameters = {
    ...forecastModelDefaults,
    maxHorizon: input.maxHorizon,
    ...input.options,
    covariates,
    dataUpTo: lastMonth,
  };
  await assertEnoughHistory(ctx.db, origins, parameters, "origins");
  const runId = await inTransaction(ctx, async (tx) => {
    const id = await insertBacktestRun(tx.db, {
      origins,
      maxHorizon: input.maxHorizon,
      modelVersion: modelVersion(modelName),
      parameters,
      datasetVersions: await panelDatasetVersions(tx.db, sharedDatasetIds()),
      requestedBy: ctx.actorLabel,
      startedAt: ctx.now(),
    });
    await audit(tx, {
      action: "backtest_run.start",
      entityType: "backtest_runs",
      entityId: id,
      after: { origins, parameters },
    });
    return id;
  });
  const report = async (progress: TProgress) => {
    raw.onProgress?.(progress);
    await updateBacktestRun(ctx.db, runId, { progress });
  };

  const completion = enqueueModelJob(async () => {
    try {
      const total = backtestSteps(origins.length, input.maxHorizon);
      await report(progressAt(0, total, "loading"));
      // Every month the database holds: later months are the truth each origin is scored against;
      // the model itself cuts its training data at each origin.
      const loaded = await loadWarningPanel(ctx.db, lastMonth, covariates, sharedDatasetIds());
      let pending = Promise.resolve();
      const result = await backtestOnWorkers(
        loaded.panel,
        origins,
        { ...input.options, maxHorizon: input.maxHorizon },
        (progress) => {
          pending = pending.then(() => report(progress));
        },
      );
      await pending;
      await inTransaction(ctx, async (tx) => {
        await updateBacktestRun(tx.db, runId, {
          status: "succeeded",
          finishedAt: ctx.now(),
          progress: progressAt(total, total, "done"),
          report: result.report,
          timings: { modelSeconds: result.modelSeconds, baselineSeconds: result.baselineSeconds },
        });
        await audit(tx, {
          action: "backtest_run.succeed",
          entityType: "backtest_runs",
          entityId: runId,
          after: { origins, comparisons: result.report.comparisons.length },
        });
      });
      raw.onProgress?.(progressAt(total, total, "done"));
      const run = await findBacktestRun(ctx.db, runId);
      if (!run) throw new Error(`backtest run ${runId} vanished`);
      return run;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await inTransaction(ctx, async (tx) => {
        await updateBacktestRun(tx.db, runId, { status: "failed", finishedAt: ctx.now(), error: message });
        await audit(tx, {
          action: "backtest_run.fail",
          entityType: "backtest_runs",
          entityId: runId,
          after: { origins, error: message },
        });
      });
      throw error;
    }
  });
  completion.catch(() => {});
  const run = await findBacktestRun(ctx.db, runId);
  if (!run) throw new Error(`backtest run ${runId} vanished`);
  return { run, completion };
};
