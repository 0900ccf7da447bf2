import { authorize } from "../../core/access/policies.ts";
import { DomainError, invalid } from "../../core/shared/errors.ts";
import type { MonthKey } from "../../core/shared/months.ts";
import { defaultOrigin, isCompleteMonth, isNearlyFull } from "../../core/warning/default-origin.ts";
import { defaultCovariates } from "../../core/warning/features.ts";
import type { CountryForecast } from "../../core/warning/forecast.ts";
import { forecastSteps, forecastTrainingProgress, progressAt } from "../../core/warning/progress.ts";
import {
  type TProgress,
  type TStartForecastRun,
  ZStartForecastRun,
} from "../../core/warning/warning.schemas.ts";
import {
  type ForecastRunRow,
  findForecastRun,
  insertForecastRun,
  insertForecasts,
  updateForecastRun,
} from "../../repositories/warning/forecast-runs.repository.ts";
import { modelVersion, panelDatasetVersions } from "../../repositories/warning/model-provenance.ts";
import {
  firstPanelMonth,
  loadWarningPanel,
  panelCoverage,
} from "../../repositories/warning/panel.repository.ts";
import { sharedDatasetIds } from "../data/shared-datasets.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { afterForecastRun } from "./after-forecast-run.ts";
import { modelName } from "./backtest.ts";
import { assertEnoughHistory } from "./enough-history.ts";
import { latestOrigin } from "./latest-origin.ts";
import { enqueueModelJob, runModelTask } from "./model-jobs.ts";
import { forecastModelDefaults, isStandardRun } from "./train-forecast-model.ts";

export type ForecastRunStarted = {
  run: ForecastRunRow;
  /** Settles when the run has succeeded (with its forecasts stored) or failed. */
  completion: Promise<{ run: ForecastRunRow; forecasts: CountryForecast[] }>;
};

type RunForecastInput = TStartForecastRun & {
  trigger: "cli" | "api" | "import" | "schedule";
  onProgress?: (progress: TProgress) => void;
};

/**
 * The origin of a run, and whether it is complete (no country with data the month before is missing): only
 * a complete origin publishes. Refused: a month without data, or one only some countries reach.
 */
const originOf = async (
  ctx: ServiceContext,
  requested: MonthKey | undefined,
): Promise<{ origin: MonthKey; complete: boolean }> => {
  if (!requested) {
    const origin = await latestOrigin(ctx);
    if (!origin)
      throw new DomainError(
        "not_initialised",
        "The database holds no conflict series to forecast from: import ViEWS country-month data first.",
      );
    return { origin, complete: true };
  }
  const coverage = await panelCoverage(ctx.db, 13, requested);
  const atOrigin = coverage.find((c) => c.month === requested);
  if (!atOrigin) {
    const [first, last] = [await firstPanelMonth(ctx.db), await latestOrigin(ctx)];
    throw invalid("There is no conflict data for the origin month.", [
      {
        field: "origin",
        message: `no country has data in this month; the data run from ${first} to ${last}`,
        value: requested,
      },
    ]);
  }
  if (!isNearlyFull(atOrigin, coverage)) {
    const widest = Math.max(...coverage.map((c) => c.countries));
    throw invalid(`Only ${atOrigin.countries} of ${widest} countries have conflict data for ${requested}.`, [
      {
        field: "origin",
        message: `only ${atOrigin.countries} of ${widest} countries have data in this month; the latest month nearly all have is ${defaultOrigin(coverage)}`,
        value: requested,
      },
    ]);
  }
  return { origin: requested, complete: isCompleteMonth(atOrigin) };
};

/**
 * Starts a forecast run: records it (status running, model version, parameters, dataset versions), then,
 * queued behind any other model job, loads the panel dated at or before the origin, retrains, forecasts every
 * country present at the origin for horizons 1..maxHorizon, and stores the forecasts with the run's success
 * in one transaction. A failure is recorded on the run. Alert rules are evaluated after each success.
 */
export const startForecastRun = async (
  ctx: ServiceContext,
  raw: RunForecastInput,
): Promise<ForecastRunStarted> => {
  // A run after an import follows from the import, which was itself authorised.
  if (raw.trigger !== "import") authorize(ctx.actor, "forecast.run");
  const input = ZStartForecastRun.parse(raw);
  const { origin, complete } = await originOf(ctx, input.origin);
  // A complete origin with the standard settings is published; any other run is an experiment, kept and
  // readable by its id, unless a platform administrator publishes it.
  const published = complete && isStandardRun(input.options, input.maxHorizon);
  if (input.publish && !published) authorize(ctx.actor, "forecast.publish");
  const covariates = defaultCovariates.map((c) => c.name);
  const parameters = { ...forecastModelDefaults, maxHorizon: input.maxHorizon, ...input.options, covariates };
  await assertEnoughHistory(ctx.db, [origin], parameters, "origin");
  const runId = await inTransaction(ctx, async (tx) => {
    const id = await insertForecastRun(tx.db, {
      origin,
      maxHorizon: input.maxHorizon,
      modelVersion: modelVersion(modelName),
      parameters,
      datasetVersions: await panelDatasetVersions(tx.db, sharedDatasetIds()),
      trigger: raw.trigger,
      requestedBy: ctx.actorLabel,
      startedAt: ctx.now(),
      published: input.publish ?? published,
    });
    await audit(tx, {
      action: "forecast_run.start",
      entityType: "forecast_runs",
      entityId: id,
      after: { origin, parameters, trigger: raw.trigger, publish: input.publish },
    });
    return id;
  });
  const report = async (progress: TProgress) => {
    raw.onProgress?.(progress);
    await updateForecastRun(ctx.db, runId, { progress });
  };

  const completion = enqueueModelJob(async () => {
    try {
      const total = forecastSteps(input.maxHorizon);
      await report(progressAt(0, total, "loading", { origin }));
      const loaded = await loadWarningPanel(ctx.db, origin, covariates, sharedDatasetIds());
      const countries = new Set(loaded.panel.rows.filter((r) => r.month === origin).map((r) => r.gwcode))
        .size;
      await report(forecastTrainingProgress(1, input.maxHorizon, countries));
      let pending = Promise.resolve();
      const result = await runModelTask(
        {
          kind: "forecast",
          panel: loaded.panel,
          origin,
          options: { ...input.options, maxHorizon: input.maxHorizon },
          countries,
          months: input.maxHorizon,
        },
        (progress) => {
          pending = pending.then(() => report(progress));
        },
      );
      await pending;
      if (result.kind !== "forecast") throw new Error("the model worker answered a different task");
      await report(progressAt(total - 1, total, "storing", { count: result.forecasts.length }));
      await inTransaction(ctx, async (tx) => {
        await insertForecasts(tx.db, runId, result.forecasts);
        await updateForecastRun(tx.db, runId, {
          status: "succeeded",
          finishedAt: ctx.now(),
          progress: progressAt(total, total, "done"),
          scores: {
            countries,
            forecasts: result.forecasts.length,
            panelRows: loaded.panel.rows.length,
            covariateSources: loaded.covariateSources,
            loadSeconds: loaded.seconds,
            modelSeconds: result.seconds,
          },
        });
        await audit(tx, {
          action: "forecast_run.succeed",
          entityType: "forecast_runs",
          entityId: runId,
          after: { origin, forecasts: result.forecasts.length, countries },
        });
      });
      raw.onProgress?.(progressAt(total, total, "done"));
      const run = await findForecastRun(ctx.db, runId);
      if (!run) throw new Error(`forecast run ${runId} vanished`);
      await afterForecastRun(ctx, run);
      return { run, forecasts: result.forecasts };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await inTransaction(ctx, async (tx) => {
        await updateForecastRun(tx.db, runId, { status: "failed", finishedAt: ctx.now(), error: message });
        await audit(tx, {
          action: "forecast_run.fail",
          entityType: "forecast_runs",
          entityId: runId,
          after: { origin, error: message },
        });
      });
      throw error;
    }
  });
  // Callers that only start the run (the API) must not see an unhandled rejection: the run records it.
  completion.catch(() => {});
  const run = await findForecastRun(ctx.db, runId);
  if (!run) throw new Error(`forecast run ${runId} vanished`);
  return { run, completion };
};
