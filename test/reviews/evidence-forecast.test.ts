import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { latestCountryForecast } from "../../src/repositories/reviews/evidence.repository.ts";
import { createTestDatabase } from "../support/database.ts";
import { insertForecastRun } from "../support/forecast-rows.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("the forecast a review's evidence pack reads", () => {
  it("is the newest origin's run, as on the watchlist, even when an earlier origin's run finished later", async () => {
    const december = await insertForecastRun(
      handle.db,
      "2019-12",
      [{ iso3: "BFA", pGe25: 0.7 }],
      new Date("2026-01-01T10:00:00Z"),
    );
    await insertForecastRun(
      handle.db,
      "2019-11",
      [{ iso3: "BFA", pGe25: 0.4 }],
      new Date("2026-01-02T10:00:00Z"),
    );
    const forecast = await latestCountryForecast(handle.db, "BFA");
    expect(forecast).toMatchObject({ runId: december, origin: "2019-12" });
    expect(forecast?.rows[0]?.month).toBe("2020-01");
  });
});
