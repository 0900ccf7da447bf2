import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  TBacktestRun,
  TCountryForecast,
  TDriver,
  TForecast,
  TForecastRun,
  TWatchlist,
} from "../../src/core/warning/warning.schemas.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { listAudit } from "../../src/services/audit-log/list-audit.ts";
import { importDatasetAs } from "../../src/services/data/import-dataset-as.ts";
import { forecastOnEveryImport } from "../../src/services/warning/forecast-after-import.ts";
import { idleModelJobs } from "../../src/services/warning/model-jobs.ts";
import { type ApiSession, signIn, testApp } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, contextFor, type TestUser } from "../support/factories.ts";
import { tempDir } from "../support/temp-dir.ts";

/** Small models keep the suite quick; the CLI test runs the model at its real size. */
const quick = { rounds: 5 };

let handle: DatabaseHandle;
let app: App;
let admin: TestUser;
let analyst: ApiSession;
let analystUser: TestUser;
let viewer: ApiSession;

const waitFor = async <T extends { status: string }>(session: ApiSession, url: string): Promise<T> => {
  await idleModelJobs();
  const response = await session.request("GET", url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

beforeAll(async () => {
  handle = await createTestDatabase({ withBundledData: true });
  const org = await buildOrganisation(handle.db, "un_entity");
  admin = await buildUser(handle.db, org.id, "administrator", "confidential", true);
  analystUser = await buildUser(handle.db, org.id, "analyst");
  const viewerUser = await buildUser(handle.db, org.id, "viewer");
  app = await testApp(handle.db);
  analyst = await signIn(app, analystUser.email, analystUser.password);
  viewer = await signIn(app, viewerUser.email, viewerUser.password);
}, 120_000);
afterAll(async () => {
  await idleModelJobs();
  await app?.close();
  await handle?.close();
});

describe("early warning API", () => {
  it("needs a signed-in user to read, and says when nothing has been forecast yet", async () => {
    expect((await app.inject({ method: "GET", url: "/api/warning/watchlist" })).statusCode).toBe(401);
    expect((await viewer.request("GET", "/api/warning/watchlist")).statusCode).toBe(404);
    expect((await viewer.request("GET", "/api/warning/forecasts")).statusCode).toBe(404);
  });

  it("says where the data held let a forecast start, for a page to tell an older forecast from old data", async () => {
    expect((await app.inject({ method: "GET", url: "/api/warning/latest-origin" })).statusCode).toBe(401);
    const response = await viewer.request("GET", "/api/warning/latest-origin");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ latestOrigin: "2019-12" });
  });

  it("lets analysts, not viewers, start runs, and refuses origins without data", async () => {
    const refused = await viewer.request("POST", "/api/warning/forecast-runs", { origin: "2019-12" });
    expect(refused.statusCode).toBe(403);
    expect(
      (await viewer.request("POST", "/api/warning/backtest-runs", { origins: ["2018-12"] })).statusCode,
    ).toBe(403);
    const noData = await analyst.request("POST", "/api/warning/forecast-runs", { origin: "2031-01" });
    expect(noData.statusCode).toBe(400);
    expect(noData.json().error.details[0]).toMatchObject({
      field: "body.origin",
      message: "no country has data in this month; the data run from 1990-01 to 2019-12",
    });
    expect(
      (await analyst.request("POST", "/api/warning/forecast-runs", { origin: "2019-13" })).statusCode,
    ).toBe(400);
    const misspelt = await analyst.request("POST", "/api/warning/forecast-runs", {
      origin: "2019-12",
      horizn: 3,
      options: { round: 5 },
    });
    expect(misspelt.statusCode).toBe(400);
    expect(
      misspelt
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(["body.horizn", "body.options.round"]);
    // The data start in 1990-01: a 12-month model needs 12 months of history and 12 to learn from.
    const early = await analyst.request("POST", "/api/warning/forecast-runs", { origin: "1991-06" });
    expect([early.statusCode, early.json().error.details[0].message]).toEqual([
      400,
      "the earliest origin is 1992-01",
    ]);
    const earlyBacktest = await analyst.request("POST", "/api/warning/backtest-runs", {
      origins: ["1990-06"],
    });
    expect(earlyBacktest.json().error.details[0].field).toBe("body.origins");
  });

  it("runs forecasts with progress, publishes the latest per origin, and ranks the watchlist with the change", async () => {
    // Small settings would make an experiment; these runs stand for the published forecast, so they say so.
    // Publishing what would be an experiment changes every organisation's forecast: platform administrators only.
    const quickPublished = { maxHorizon: 2, options: quick, publish: true };
    const refused = await analyst.request("POST", "/api/warning/forecast-runs", quickPublished);
    expect(refused.statusCode).toBe(403);
    const platform = await signIn(app, admin.email, admin.password);
    const first = await platform.request("POST", "/api/warning/forecast-runs", {
      origin: "2019-11",
      ...quickPublished,
    });
    expect(first.statusCode, first.body).toBe(202);
    const started = first.json<TForecastRun>();
    expect(started).toMatchObject({ status: "running", origin: "2019-11", trigger: "api" });
    expect(started.progress?.total).toBe(4);
    const done = await waitFor<TForecastRun>(analyst, `/api/warning/forecast-runs/${started.id}`);
    expect(done).toMatchObject({ status: "succeeded", progress: { done: 4, total: 4 } });
    expect(done.forecastCount).toBeGreaterThan(150 * 2);
    expect(done.modelVersion).toMatch(/^xgboost_hurdle@[0-9a-f]{12}$/);
    expect(done.datasetVersions.map((d) => d.id)).toEqual(
      expect.arrayContaining(["views-cm", "poldat-static-world"]),
    );

    const second = await platform.request("POST", "/api/warning/forecast-runs", quickPublished);
    expect(second.json<TForecastRun>().origin).toBe("2019-12"); // the default: the latest month with data
    await waitFor<TForecastRun>(analyst, `/api/warning/forecast-runs/${second.json<TForecastRun>().id}`);
    // An experiment with other settings is stored and readable, but the published forecast stays.
    const experiment = await analyst.request("POST", "/api/warning/forecast-runs", {
      maxHorizon: 1,
      options: quick,
    });
    const tried = await waitFor<TForecastRun>(
      analyst,
      `/api/warning/forecast-runs/${experiment.json<TForecastRun>().id}`,
    );
    expect(tried).toMatchObject({ status: "succeeded", published: false });

    const latest = (await viewer.request("GET", "/api/warning/forecast-runs?latestPerOrigin=true")).json<
      TForecastRun[]
    >();
    expect(latest.map((r) => r.origin)).toEqual(["2019-12", "2019-11"]);
    expect(latest[0]?.id).toBe(second.json<TForecastRun>().id);

    const page = (await viewer.request("GET", "/api/warning/forecasts?iso3=syr")).json();
    for (const [query, field] of [
      ["iso3=XXX", "querystring.iso3"],
      ["horizon=3", "querystring.horizon"],
    ]) {
      const outside = await viewer.request("GET", `/api/warning/forecasts?${query}`);
      expect(outside.statusCode, query).toBe(400);
      expect(outside.json().error.details[0].field).toBe(field);
    }
    expect(page.run.origin).toBe("2019-12");
    expect(page.forecasts.map((f: { month: string }) => f.month)).toEqual(["2020-01", "2020-02"]);
    const syria = page.forecasts[0];
    expect(syria).toMatchObject({ iso3: "SYR", isoNumeric: 760, horizon: 1 });
    // Drivers of each published probability, each with its effect in points and, where plain, its value.
    for (const target of ["gt0", "ge25"]) {
      const drivers = syria.drivers.filter((d: TDriver) => d.target === target);
      expect(drivers.length, target).toBeGreaterThan(0);
      for (const d of drivers) {
        expect(d.phrase).not.toMatch(/_/);
        expect(Math.sign(d.effectPoints)).toBe(d.direction === "raises" ? 1 : -1);
      }
    }
    expect(syria.drivers.some((d: TDriver) => d.reading !== null)).toBe(true);
    const file = await viewer.request("GET", "/api/warning/forecasts/export?iso3=SYR");
    expect(file.headers["content-disposition"]).toContain("continuum-forecast-2019-12-SYR.csv");
    expect(file.body.trim().split("\n")).toEqual([
      "iso3,month,horizon,p_gt0,p_ge25,mean,q10,q50,q90",
      ...page.forecasts.map(
        (f: TForecast) =>
          `SYR,${f.month},${f.horizon},${[f.pGt0, f.pGe25, f.mean, f.q10, f.q50, f.q90].map((v) => Math.round(v * 1e6) / 1e6).join(",")}`,
      ),
    ]);
    const byMonth = (await viewer.request("GET", "/api/warning/forecasts?month=2020-02")).json();
    expect(byMonth.forecasts.every((f: { horizon: number }) => f.horizon === 2)).toBe(true);
    // A month the run does not forecast is named, not answered with an empty file.
    const before = await viewer.request("GET", "/api/warning/forecasts/export?origin=2019-12&month=2019-11");
    expect([before.statusCode, before.json().error.details[0].field]).toEqual([400, "querystring.month"]);
    const older = (await viewer.request("GET", "/api/warning/forecasts?origin=2019-11&horizon=1")).json();
    expect(older.run.origin).toBe("2019-11");
    expect(older.forecasts[0].month).toBe("2019-12");

    const watchlist = (
      await viewer.request("GET", "/api/warning/watchlist?measure=pGt0&horizon=1&limit=10")
    ).json<TWatchlist>();
    expect(watchlist.previousRun?.origin).toBe("2019-11");
    const beyond = await viewer.request("GET", "/api/warning/watchlist?horizon=13");
    expect([beyond.statusCode, beyond.json().error.details[0].field]).toEqual([400, "querystring.horizon"]);
    expect(watchlist.entries).toHaveLength(10);
    const p = watchlist.entries.map((e) => e.pGt0);
    expect(p).toEqual([...p].sort((a, b) => b - a));
    for (const e of watchlist.entries) {
      expect(e.q10 <= e.q50 && e.q50 <= e.q90, e.iso3).toBe(true);
      // Ranked by P(≥1), so the drivers shown are those of P(≥1).
      expect(e.topDrivers.every((d) => d.target === "gt0")).toBe(true);
      expect(e.previous).not.toBeNull();
      expect(e.change).toBeCloseTo(e.pGt0 - (e.previous?.pGt0 ?? 0), 10);
    }

    const country = (
      await viewer.request("GET", "/api/warning/countries/SYR/forecast?historyMonths=24")
    ).json<TCountryForecast>();
    expect(country.observed).toHaveLength(24);
    expect(country.observed.at(-1)?.month).toBe("2019-12");
    expect(country.observed.every((o) => o.fatalities >= 0)).toBe(true);
    expect(country.forecasts.map((f) => f.q10 <= f.q50 && f.q50 <= f.q90)).toEqual([true, true]);
    expect((await viewer.request("GET", "/api/warning/countries/XXX/forecast")).statusCode).toBe(404);

    const entries = await listAudit(contextFor(handle.db, admin), { limit: 50 });
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["forecast_run.start", "forecast_run.succeed"]),
    );
  }, 240_000);

  it("runs a backtest beside the baselines and serves its report", async () => {
    const tooLate = await analyst.request("POST", "/api/warning/backtest-runs", { origins: ["2019-01"] });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().error.details[0]).toMatchObject({
      field: "body.origins",
      message: "the data end in 2019-12: the latest origin for 12 months ahead is 2018-12",
    });
    const response = await analyst.request("POST", "/api/warning/backtest-runs", {
      origins: ["2018-12"],
      maxHorizon: 2,
      options: quick,
    });
    expect(response.statusCode, response.body).toBe(202);
    const run = await waitFor<TBacktestRun>(
      analyst,
      `/api/warning/backtest-runs/${response.json<TBacktestRun>().id}`,
    );
    expect(run.status).toBe("succeeded");
    expect(run.progress).toMatchObject({ done: 3, total: 3 });
    const report = run.report;
    expect(Object.keys(report?.methods ?? {}).sort()).toEqual([
      "base_rate",
      "last_12_months",
      "no_change",
      "xgboost_hurdle",
    ]);
    const model = report?.methods.xgboost_hurdle;
    expect(model?.byHorizon).toHaveLength(2);
    expect(model?.pooled.n).toBeGreaterThan(150 * 2);
    expect(model?.pooled.aucGt0).toBeGreaterThan(0.8);
    expect(model?.pooled.reliabilityGt0.length).toBeGreaterThan(0);
    expect(report?.methods.no_change?.byHorizon[1]?.mseLog1pMedian).toEqual(expect.any(Number));
    expect(run.timings?.modelSeconds).toHaveLength(1);
    const latest = (await viewer.request("GET", "/api/warning/backtest-runs/latest")).json<TBacktestRun>();
    expect(latest).toMatchObject({ id: run.id, standard: false, changedSettings: quick });
    const list = (await viewer.request("GET", "/api/warning/backtest-runs")).json<TBacktestRun[]>();
    expect(list[0]).toMatchObject({ id: run.id, report: null });
  }, 240_000);

  it("queues a forecast run after a views-cm import when subscribed (as the server is)", async () => {
    const dir = tempDir("views");
    const file = join(dir, "views_small.csv");
    // The bundled layout: a revised 2019 for three countries, imported into the reference ViEWS dataset.
    const lines = ["country_id,month_id,country,gwcode,isoab,year,month,ucdp_ged_sb_best_sum"];
    for (const [id, gw, iso, name, deaths] of [
      [220, 652, "SYR", "Syria", 310],
      [133, 700, "AFG", "Afghanistan", 1500],
      [124, 20, "CAN", "Canada", 0],
    ] as const) {
      for (let m = 1; m <= 12; m++) lines.push(`${id},${468 + m},${name},${gw},${iso},2019,${m},${deaths}`);
    }
    writeFileSync(file, `${lines.join("\n")}\n`);
    const runs: string[] = [];
    let version: string | null = null;
    const unsubscribe = forecastOnEveryImport({ maxHorizon: 1, options: quick, publish: true }, (started) =>
      runs.push(started.run.id),
    );
    try {
      const report = await importDatasetAs(contextFor(handle.db, admin), handle, {
        kind: "views-cm",
        file,
      });
      expect(report.ok, report.message).toBe(true);
      version = report.version;
      // The same rows again from another file change nothing the forecast reads: no second run.
      const again = join(dir, "views_small_again.csv");
      writeFileSync(again, `${lines.join("\r\n")}\r\n`);
      const repeat = await importDatasetAs(contextFor(handle.db, admin), handle, {
        kind: "views-cm",
        file: again,
      });
      expect(repeat).toMatchObject({ ok: true, rowsAdded: 0, rowsRemoved: 0, rowsChanged: 0 });
    } finally {
      unsubscribe();
    }
    expect(runs).toHaveLength(1);
    const run = await waitFor<TForecastRun>(analyst, `/api/warning/forecast-runs/${runs[0]}`);
    expect(run).toMatchObject({ status: "succeeded", trigger: "import" });
    expect(run.datasetVersions).toContainEqual({ id: "views-cm", kind: "views-cm", version });
  }, 240_000);

  it("refuses an origin only a few countries have data for, naming the fuller month", async () => {
    const dir = tempDir("views");
    const file = join(dir, "views_extract.csv");
    writeFileSync(
      file,
      "country_id,month_id,country,gwcode,isoab,year,month,ucdp_ged_sb_best_sum\n220,481,Syria,652,SYR,2020,1,300\n",
    );
    const report = await importDatasetAs(contextFor(handle.db, admin), handle, { kind: "views-cm", file });
    expect(report.ok, report.message).toBe(true);
    const refused = await analyst.request("POST", "/api/warning/forecast-runs", { origin: "2020-01" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({
      field: "body.origin",
      message: expect.stringMatching(
        /^only 1 of \d+ countries have data in this month; the latest month nearly all have is 2019-12$/,
      ),
    });

    // A late delivery: every country but Norway. Nearly full, yet a forecast from it would drop Norway.
    const late = join(dir, "views_late.csv");
    const december = (
      await sql<{ line: string }>`
        SELECT DISTINCT concat_ws(',', gwcode, 481, iso3, gwcode, iso3, 2020, 1, 0) AS line FROM country_month
        WHERE series = 'views' AND month = '2019-12-01' AND iso3 <> 'NOR'`.execute(handle.db)
    ).rows;
    const header = "country_id,month_id,country,gwcode,isoab,year,month,ucdp_ged_sb_best_sum";
    writeFileSync(late, [header, ...december.map((r) => r.line)].join("\n"));
    const lateReport = await importDatasetAs(contextFor(handle.db, admin), handle, {
      kind: "views-cm",
      file: late,
    });
    expect(lateReport.ok, lateReport.message).toBe(true);
    const byDefault = await analyst.request("POST", "/api/warning/forecast-runs", {
      maxHorizon: 1,
      options: quick,
    });
    expect(byDefault.json<TForecastRun>().origin).toBe("2019-12");
    // Asked for, it runs but is not published: the map and watchlist keep Norway.
    const asked = await analyst.request("POST", "/api/warning/forecast-runs", { origin: "2020-01" });
    expect(asked.statusCode).toBe(202);
    expect(asked.json<TForecastRun>()).toMatchObject({ origin: "2020-01", published: false });
    for (const run of [byDefault, asked])
      await waitFor<TForecastRun>(analyst, `/api/warning/forecast-runs/${run.json<TForecastRun>().id}`);
  }, 240_000);

  it("reads no file imported under another dataset id: an organisation's own count changes no one's forecast", async () => {
    const dir = tempDir("views");
    const file = join(dir, "views_own.csv");
    writeFileSync(
      file,
      "country_id,month_id,country,gwcode,isoab,year,month,ucdp_ged_sb_best_sum\n220,480,Syria,652,SYR,2019,12,99999\n",
    );
    const own = await importDatasetAs(contextFor(handle.db, analystUser), handle, {
      kind: "views-cm",
      file,
      datasetId: "views-own-count",
    });
    expect(own.ok, own.message).toBe(true);
    const syria = await analyst.request("GET", "/api/warning/countries/SYR/forecast");
    expect(JSON.stringify(syria.json())).not.toContain("99999");
    const shared = await importDatasetAs(contextFor(handle.db, analystUser), handle, {
      kind: "views-cm",
      file,
    }).catch((error: Error) => error.message);
    expect(shared).toMatch(
      /^Every organisation reads views-cm: only a platform administrator imports into it/,
    );
  });

  it("documents every early-warning route in the OpenAPI document", async () => {
    const paths = Object.keys((await app.inject({ method: "GET", url: "/api/openapi.json" })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/warning/forecast-runs",
        "/api/warning/forecast-runs/{id}",
        "/api/warning/forecasts",
        "/api/warning/forecasts/export",
        "/api/warning/latest-origin",
        "/api/warning/watchlist",
        "/api/warning/countries/{iso3}/forecast",
        "/api/warning/backtest-runs",
        "/api/warning/backtest-runs/{id}",
      ]),
    );
  });
});
