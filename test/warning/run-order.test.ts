import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import {
  latestPublishedRun,
  previousPublishedRun,
} from "../../src/repositories/warning/forecast-runs.repository.ts";
import { createTestDatabase } from "../support/database.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const run = (origin: string, finishedAt: string, status = "succeeded") =>
  handle.db
    .insertInto("forecast_runs")
    .values({
      origin: `${origin}-01`,
      max_horizon: 12,
      status,
      model_version: "test",
      parameters: "{}",
      dataset_versions: "[]",
      trigger: "cli",
      requested_by: "test",
      started_at: finishedAt,
      finished_at: new Date(finishedAt),
    })
    .returning("id")
    .executeTakeFirstOrThrow()
    .then((r) => r.id);

describe("which forecast run is current, and which came before it", () => {
  it("a run from an old origin made later is neither the latest nor what the latest is compared with", async () => {
    const november = await run("2019-11", "2026-01-01T10:00:00Z");
    await run("2013-12", "2026-01-02T10:00:00Z");
    const december = await run("2019-12", "2026-01-03T10:00:00Z");
    await run("2014-12", "2026-01-04T10:00:00Z");
    await run("2020-01", "2026-01-04T11:00:00Z", "failed");
    const latest = await latestPublishedRun(handle.db);
    expect(latest?.id).toBe(december);
    if (!latest) return;
    expect((await previousPublishedRun(handle.db, latest))?.id).toBe(november);

    // A newer run at the same origin replaces it, and is still compared with the month before: a re-run
    // corrects the forecast, it is not news.
    const again = await run("2019-12", "2026-01-05T10:00:00Z");
    const newest = await latestPublishedRun(handle.db);
    expect(newest?.id).toBe(again);
    if (!newest) return;
    expect((await previousPublishedRun(handle.db, newest))?.id).toBe(november);
  });
});
