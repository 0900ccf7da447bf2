import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCellForecastView } from "../../src/core/warning/cells/cell-forecast.schemas.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { systemContext } from "../../src/services/alerts/system-context.ts";
import { datasetImported } from "../../src/services/data/dataset-events.ts";
import type { ImportReport } from "../../src/services/data/import-report.ts";
import {
  cellForecastsAfterImport,
  cellForecastsOnEveryImport,
} from "../../src/services/warning/cell-forecasts-after-import.ts";
import { startFirstCellForecasts } from "../../src/services/warning/first-cell-forecasts.ts";
import { enqueueModelJob, idleModelJobs } from "../../src/services/warning/model-jobs.ts";
import { type ApiSession, signIn, testApp } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser } from "../support/factories.ts";

/** Cell forecast runs started by the platform (first start, GED import) and from the web, on the bundled events. */
let handle: DatabaseHandle;
let app: App;
let analyst: ApiSession;
let viewer: ApiSession;
const now = () => new Date();
const url = "/api/warning/cell-forecast-runs";

const runs = () =>
  handle.db
    .selectFrom("cell_forecast_runs")
    .select(["iso3", "trigger", "requested_by as requestedBy"])
    .orderBy("finished_at")
    .execute();

const gedImport = {
  ok: true,
  status: "updated",
  kind: "ged",
  datasetId: "ucdp-ged",
  rowsAdded: 3,
  rowsRemoved: 0,
  rowsChanged: 0,
} as const;

beforeAll(async () => {
  handle = await createTestDatabase({ withBundledData: true });
  const org = await buildOrganisation(handle.db, "un_entity");
  await buildUser(handle.db, org.id, "administrator", "confidential", true);
  const analystUser = await buildUser(handle.db, org.id, "analyst");
  const viewerUser = await buildUser(handle.db, org.id, "viewer");
  app = await testApp(handle.db);
  analyst = await signIn(app, analystUser.email, analystUser.password);
  viewer = await signIn(app, viewerUser.email, viewerUser.password);
}, 180_000);
afterAll(async () => {
  await idleModelJobs();
  await app?.close();
  await handle?.close();
});

describe("cell forecasts the platform starts", () => {
  it("on first start, forecasts every country with GED events, skipping Mexico's lack of state-based deaths", async () => {
    const outcomes = await startFirstCellForecasts(handle.db, now);
    expect(outcomes?.map((o) => o.iso3)).toEqual(["CAF", "MEX", "MMR", "SYR"]);
    expect(outcomes?.find((o) => o.iso3 === "MEX")).toMatchObject({
      skipped: expect.stringMatching(/no cell had a state-based death/),
    });
    expect(outcomes?.filter((o) => "runId" in o).map((o) => o.iso3)).toEqual(["CAF", "MMR", "SYR"]);
    const stored = await runs();
    expect(stored.map((r) => r.iso3)).toEqual(["CAF", "MMR", "SYR"]);
    for (const run of stored) expect(run).toMatchObject({ trigger: "system", requestedBy: /^system: / });
    const audited = await handle.db
      .selectFrom("audit_log")
      .select(["via", "actor"])
      .where("action", "=", "cell_forecast_run.create")
      .execute();
    expect(audited).toHaveLength(3);
    for (const entry of audited) expect(entry).toMatchObject({ via: "system", actor: /^system: / });
  }, 120_000);

  it("does not forecast again on a later start", async () => {
    expect(await startFirstCellForecasts(handle.db, now)).toBeNull();
  });

  it("forecasts again after an import that changed the reference GED events, and only then", async () => {
    expect(await cellForecastsAfterImport(handle.db, { ...gedImport, status: "unchanged" }, now)).toBeNull();
    expect(await cellForecastsAfterImport(handle.db, { ...gedImport, datasetId: "my-ged" }, now)).toBeNull();
    expect(await cellForecastsAfterImport(handle.db, { ...gedImport, kind: "views-cm" }, now)).toBeNull();
    expect(await cellForecastsAfterImport(handle.db, { ...gedImport, rowsAdded: 0 }, now)).toBeNull();
    const before = (await runs()).length;
    const outcomes = await cellForecastsAfterImport(handle.db, gedImport, now);
    expect(outcomes?.filter((o) => "runId" in o)).toHaveLength(3);
    expect(await runs()).toHaveLength(before + 3);
  }, 120_000);

  it("on a server, follows every import without holding it up, and says what it forecast", async () => {
    const ctx = await systemContext(handle.db, now, "test import");
    if (!ctx) throw new Error("no administrator");
    let reported: unknown;
    const done = new Promise<void>((resolve) => {
      const unsubscribe = cellForecastsOnEveryImport((outcome) => {
        reported = outcome;
        unsubscribe();
        resolve();
      });
    });
    const before = (await runs()).length;
    const report: ImportReport = {
      ...gedImport,
      file: "ged.csv",
      version: "test",
      rowCount: 3,
      skippedCount: 0,
      skippedReasons: {},
      errors: [],
      errorCount: 0,
      span: { start: null, end: null },
      message: "",
      durationMs: 0,
    };
    await datasetImported(ctx, report);
    // The import is done before any cell is forecast: the trainings are queued, not awaited.
    expect(await runs()).toHaveLength(before);
    await done;
    expect(reported).toMatchObject({
      outcomes: [{ iso3: "CAF" }, { iso3: "MEX" }, { iso3: "MMR" }, { iso3: "SYR" }],
    });
    expect(await runs()).toHaveLength(before + 3);
  }, 120_000);

  it("waits for the model job under way: two trainings never run at once", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    void enqueueModelJob(() => gate);
    const before = (await runs()).length;
    const started = analyst.request("POST", url, { iso3: "SYR", maxHorizon: 1 });
    // Whatever else happens first, no run is stored while the job ahead holds the queue.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await runs()).toHaveLength(before);
    release();
    expect((await started).statusCode).toBe(201);
    expect(await runs()).toHaveLength(before + 1);
  }, 60_000);
});

describe("POST /api/warning/cell-forecast-runs", () => {
  it("forecasts a country's cells for an analyst and answers with the stored run and its cells", async () => {
    const response = await analyst.request("POST", url, { iso3: "CAF", origin: "2019-06", maxHorizon: 2 });
    expect(response.statusCode, response.body).toBe(201);
    const view = response.json<TCellForecastView>();
    expect(view.run).toMatchObject({ iso3: "CAF", origin: "2019-06", maxHorizon: 2 });
    expect(view.forecasts.length).toBeGreaterThan(0);
    expect(new Set(view.forecasts.map((f) => f.horizon))).toEqual(new Set([1, 2]));
    const read = await viewer.request("GET", "/api/warning/countries/CAF/cell-forecast?origin=2019-06");
    expect(read.json<TCellForecastView>().run.id).toBe(view.run.id);
    const stored = await handle.db
      .selectFrom("cell_forecast_runs")
      .select("trigger")
      .where("id", "=", view.run.id)
      .executeTakeFirstOrThrow();
    expect(stored.trigger).toBe("api");
  }, 60_000);

  it("refuses a viewer, and a request without a session", async () => {
    expect((await viewer.request("POST", url, { iso3: "CAF" })).statusCode).toBe(403);
    expect((await app.inject({ method: "POST", url, payload: { iso3: "CAF" } })).statusCode).toBe(401);
  });

  it("names what is wrong: a misspelt field, a country without events, one the model refuses", async () => {
    const misspelt = await analyst.request("POST", url, { iso3: "CAF", horizon: 3 });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error.details[0]).toMatchObject({ field: "body.horizon" });
    const none = await analyst.request("POST", url, { iso3: "FRA" });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0]).toMatchObject({ field: "body.iso3" });
    const mexico = await analyst.request("POST", url, { iso3: "MEX" });
    expect(mexico.statusCode).toBe(400);
    expect(mexico.json().error.details[0]).toMatchObject({
      field: "body.origin",
      message: expect.stringMatching(/no cell had a state-based death/),
    });
  });
});
