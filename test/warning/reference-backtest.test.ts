import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceOrigins } from "../../src/core/warning/backtest-report.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import {
  presentBacktestRun,
  presentForecastRunWithEvidence,
} from "../../src/http/presenters/warning.presenter.ts";
import {
  insertBacktestRun,
  updateBacktestRun,
} from "../../src/repositories/warning/backtest-runs.repository.ts";
import { insertForecastRun } from "../../src/repositories/warning/forecast-runs.repository.ts";
import { getBacktestRun } from "../../src/services/warning/get-backtest-run.ts";
import { getForecastRun } from "../../src/services/warning/get-forecast-run.ts";
import { forecastModelDefaults } from "../../src/services/warning/train-forecast-model.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, contextFor } from "../support/factories.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const backtest = async (
  startedAt: string,
  maxHorizon: number,
  options: Record<string, unknown>,
  status: "succeeded" | "failed" = "succeeded",
  origins: string[] = [...referenceOrigins],
) => {
  const id = await insertBacktestRun(handle.db, {
    origins,
    maxHorizon,
    modelVersion: "test",
    // As stored by a run: the defaults, the horizon, what the request set, and the data it read.
    parameters: { ...forecastModelDefaults, maxHorizon, ...options, threads: 2, dataUpTo: "2019-12" },
    datasetVersions: [],
    requestedBy: "test",
    startedAt: new Date(startedAt),
  });
  await updateBacktestRun(handle.db, id, { status, finishedAt: new Date(startedAt), report: null });
  return id;
};

describe("the backtest shown first", () => {
  it("is the newest with the standard settings, not a newer experiment; an experiment says what it changed", async () => {
    const org = await buildOrganisation(handle.db);
    const ctx = contextFor(handle.db, await buildUser(handle.db, org.id, "viewer"));
    const onlyExperiment = await backtest("2026-01-01T10:00:00Z", 1, { rounds: 1 });
    expect((await getBacktestRun(ctx, "latest")).id).toBe(onlyExperiment);

    const reference = await backtest("2026-01-02T10:00:00Z", 12, {});
    await backtest("2026-01-03T10:00:00Z", 12, { rounds: 1 });
    await backtest("2026-01-04T10:00:00Z", 2, {});
    await backtest("2026-01-05T10:00:00Z", 12, {}, "failed");
    // The standard settings on two origins only: an analyst's quick check, not the evidence for the forecasts.
    const twoOrigins = await backtest("2026-01-06T10:00:00Z", 12, {}, "succeeded", ["2016-12", "2017-12"]);
    const shown = presentBacktestRun(await getBacktestRun(ctx, "latest"));
    expect(shown).toMatchObject({ id: reference, standard: true, changedSettings: {} });
    expect(presentBacktestRun(await getBacktestRun(ctx, twoOrigins)).standard).toBe(false);

    const experiment = presentBacktestRun(await getBacktestRun(ctx, onlyExperiment));
    expect(experiment).toMatchObject({ standard: false, changedSettings: { rounds: 1 } });
  });

  it("is the evidence a forecast run of the same model carries; an experiment carries none", async () => {
    const org = await buildOrganisation(handle.db);
    const ctx = contextFor(handle.db, await buildUser(handle.db, org.id, "viewer"));
    const run = (parameters: Record<string, unknown>) =>
      insertForecastRun(handle.db, {
        origin: "2019-12",
        maxHorizon: 12,
        modelVersion: "test",
        parameters: { ...forecastModelDefaults, ...parameters },
        datasetVersions: [],
        trigger: "cli",
        requestedBy: "test",
        startedAt: new Date("2026-01-07T10:00:00Z"),
        published: true,
      });
    const reference = (await getBacktestRun(ctx, "latest")).id;
    const published = presentForecastRunWithEvidence(await getForecastRun(ctx, await run({})));
    expect(published.backtest).toMatchObject({
      runId: reference,
      origins: referenceOrigins,
      comparisons: [],
      coverage80: null,
      pitCoverage80: null,
    });
    // Once scored, the model's pooled coverage of its 80% range comes with it, for the fan chart to cite.
    await updateBacktestRun(handle.db, reference, {
      report: {
        origins: referenceOrigins,
        maxHorizon: 12,
        modelName: "xgboost_hurdle",
        methods: { xgboost_hurdle: { pooled: { coverage80: 0.93, pitCoverage80: 0.81 } } },
        comparisons: [],
      },
    });
    const scored = presentForecastRunWithEvidence(await getForecastRun(ctx, await run({})));
    expect(scored.backtest).toMatchObject({ coverage80: 0.93, pitCoverage80: 0.81 });
    const experiment = presentForecastRunWithEvidence(await getForecastRun(ctx, await run({ rounds: 5 })));
    expect(experiment.backtest).toBeNull();
  });
});
