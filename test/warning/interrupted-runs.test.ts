import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { thisProcess } from "../../src/db/processes.ts";
import { presentForecastRun } from "../../src/http/presenters/warning.presenter.ts";
import { findForecastRun } from "../../src/repositories/warning/forecast-runs.repository.ts";
import { closeInterruptedRuns } from "../../src/services/warning/close-interrupted-runs.ts";
import { startFirstForecast } from "../../src/services/warning/first-forecast.ts";
import { createTestDatabase } from "../support/database.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const forecastRun = (runner: string | null, status = "running") =>
  handle.db
    .insertInto("forecast_runs")
    .values({
      origin: "2019-12-01",
      max_horizon: 12,
      status,
      model_version: "test",
      parameters: "{}",
      dataset_versions: "[]",
      trigger: "api",
      requested_by: "test",
      runner,
    })
    .returning("id")
    .executeTakeFirstOrThrow()
    .then((r) => r.id);

describe("runs interrupted by a stopped process", () => {
  it("are closed as failed at start-up; runs of live processes, other machines and finished runs are kept", async () => {
    const ended = spawnSync(process.execPath, ["-e", ""]).pid;
    const stopped = await forecastRun(`${hostname()}:${ended}`);
    const legacy = await forecastRun(null);
    const live = await forecastRun(thisProcess());
    const elsewhere = await forecastRun("another-host:1");
    const finished = await forecastRun(`${hostname()}:${ended}`, "succeeded");
    const backtest = await handle.db
      .insertInto("backtest_runs")
      .values({
        origins: "[]",
        max_horizon: 12,
        status: "running",
        model_version: "test",
        parameters: "{}",
        dataset_versions: "[]",
        requested_by: "test",
        started_at: new Date(),
        runner: `${hostname()}:${ended}`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    expect(await closeInterruptedRuns(handle.db)).toBe(3);
    const runs = await handle.db.selectFrom("forecast_runs").select(["id", "status", "error"]).execute();
    const statusOf = (id: string) => runs.find((r) => r.id === id)?.status;
    expect([stopped, legacy].map(statusOf)).toEqual(["failed", "failed"]);
    expect(runs.find((r) => r.id === stopped)?.error).toMatch(/^interrupted/);
    expect([live, elsewhere].map(statusOf)).toEqual(["running", "running"]);
    expect(statusOf(finished)).toBe("succeeded");
    const bt = await handle.db
      .selectFrom("backtest_runs")
      .select("status")
      .where("id", "=", backtest.id)
      .executeTakeFirst();
    expect(bt?.status).toBe("failed");
    expect(await closeInterruptedRuns(handle.db)).toBe(0);
    // Started with the standard settings, the interrupted run would have been published: failed, it is not.
    await handle.db.updateTable("forecast_runs").set({ published: true }).where("id", "=", stopped).execute();
    const closed = await findForecastRun(handle.db, stopped);
    expect(closed && presentForecastRun(closed).published).toBe(false);
  });

  it("leave the next start to forecast, unless a run is under way or a forecast is published", async () => {
    await handle.db.updateTable("forecast_runs").set({ status: "failed" }).execute();
    const running = await forecastRun(thisProcess());
    expect(await startFirstForecast(handle.db, () => new Date())).toBeNull();
    await handle.db
      .updateTable("forecast_runs")
      .set({ status: "succeeded", published: true, finished_at: new Date() })
      .where("id", "=", running)
      .execute();
    expect(await startFirstForecast(handle.db, () => new Date())).toBeNull();
  });
});
