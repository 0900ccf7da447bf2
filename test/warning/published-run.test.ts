import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { readWatchlist } from "../../src/services/warning/read-watchlist.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, contextFor } from "../support/factories.ts";
import { insertForecastRun } from "../support/forecast-rows.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("a forecast asked for where none is published", () => {
  it("says what to do next: run a forecast, from the origin asked for", async () => {
    const org = await buildOrganisation(handle.db, "un_entity");
    const reader = contextFor(handle.db, await buildUser(handle.db, org.id, "analyst"));
    await expect(readWatchlist(reader)).rejects.toMatchObject({
      code: "not_found",
      message: "No forecast is published yet: run a forecast first.",
    });
    await insertForecastRun(handle.db, "2019-12", [{ iso3: "SYR", pGe25: 0.9 }]);
    expect((await readWatchlist(reader)).run.origin).toBe("2019-12");
    await expect(readWatchlist(reader, { origin: "2018-12" })).rejects.toMatchObject({
      code: "not_found",
      message: "No forecast from 2018-12 is published: run a forecast from that origin first.",
    });
  });
});
