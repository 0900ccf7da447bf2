import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCellForecastView } from "../../src/core/warning/cells/cell-forecast.schemas.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { insertCellForecastRun } from "../../src/repositories/warning/cell-forecast-runs.repository.ts";
import { type ApiSession, signIn, testApp } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser } from "../support/factories.ts";

let handle: DatabaseHandle;
let app: App;
let analyst: ApiSession;
let otherViewer: ApiSession;
const url = "/api/warning/countries/SYR/cell-forecast";

const cell = (priogridGid: number, horizon: number, pGt0: number) => ({
  priogridGid,
  lat: 0,
  lon: 0,
  month: `2020-0${horizon}`,
  horizon,
  pGt0,
});

const storeRun = (origin: string, forecasts: ReturnType<typeof cell>[]) =>
  insertCellForecastRun(
    handle.db,
    {
      iso3: "SYR",
      origin,
      maxHorizon: 2,
      modelVersion: "cell-xgboost@test",
      parameters: {},
      datasetVersions: [],
      trainingRows: 100,
      trigger: "cli",
      requestedBy: "test",
    },
    forecasts,
  );

beforeAll(async () => {
  handle = await createTestDatabase();
  const org = await buildOrganisation(handle.db, "un_entity");
  const other = await buildOrganisation(handle.db, "donor");
  const analystUser = await buildUser(handle.db, org.id, "analyst");
  const viewerUser = await buildUser(handle.db, other.id, "viewer");
  app = await testApp(handle.db);
  analyst = await signIn(app, analystUser.email, analystUser.password);
  otherViewer = await signIn(app, viewerUser.email, viewerUser.password);
  await storeRun("2018-12", [cell(176113, 1, 0.9)]);
  await storeRun("2019-12", [cell(176114, 1, 0.25), cell(176113, 1, 0.5), cell(176113, 2, 0.125)]);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe("GET /api/warning/countries/{iso3}/cell-forecast", () => {
  it("refuses a request without a session or with an unknown token, as the country forecasts do", async () => {
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    const token = await app.inject({ method: "GET", url, headers: { authorization: "Bearer not-a-token" } });
    expect(token.statusCode).toBe(401);
  });

  it("gives the newest run's cells, centred on their cell, one horizon when asked", async () => {
    const response = await analyst.request("GET", `${url}?horizon=1`);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json<TCellForecastView>();
    expect(view.run).toMatchObject({ iso3: "SYR", origin: "2019-12", maxHorizon: 2, trainingRows: 100 });
    expect(view.forecasts).toEqual([
      { priogridGid: 176113, lat: 32.25, lon: 36.25, month: "2020-01", horizon: 1, pGt0: 0.5 },
      { priogridGid: 176114, lat: 32.25, lon: 36.75, month: "2020-01", horizon: 1, pGt0: 0.25 },
    ]);
    const older = (await analyst.request("GET", `${url}?origin=2018-12`)).json<TCellForecastView>();
    expect(older.forecasts.map((f) => f.pGt0)).toEqual([0.9]);
  });

  it("is read by every signed-in person, of any organisation: it is made from the shared GED data only", async () => {
    const response = await otherViewer.request("GET", url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TCellForecastView>().forecasts).toHaveLength(3);
  });

  it("names what is wrong: no run for the country, a horizon beyond the run", async () => {
    expect((await analyst.request("GET", "/api/warning/countries/MEX/cell-forecast")).statusCode).toBe(404);
    const far = await analyst.request("GET", `${url}?horizon=3`);
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details[0]).toMatchObject({ field: "querystring.horizon" });
  });
});

describe("GET /api/warning/countries/{iso3}/cell-forecast/export", () => {
  const exportUrl = `${url}/export`;

  it("refuses a request without a session", async () => {
    expect((await app.inject({ method: "GET", url: exportUrl })).statusCode).toBe(401);
  });

  it("serves the newest run as the CSV `continuum forecast-cells --out` writes, by horizon then cell", async () => {
    const response = await otherViewer.request("GET", exportUrl);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="continuum-cells-syr-2019-12.csv"',
    );
    expect(response.body).toBe(
      [
        "iso3,priogrid_gid,lat,lon,month,horizon,p_gt0",
        "SYR,176113,32.25,36.25,2020-01,1,0.5",
        "SYR,176114,32.25,36.75,2020-01,1,0.25",
        "SYR,176113,32.25,36.25,2020-02,2,0.125",
        "",
      ].join("\n"),
    );
  });

  it("gives each cell-month its half-degree square as GeoJSON, for the origin and horizon asked", async () => {
    const response = await analyst.request("GET", `${exportUrl}?format=geojson&origin=2019-12&horizon=2`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/geo\+json/);
    expect(response.json()).toEqual({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [36, 32],
                [36.5, 32],
                [36.5, 32.5],
                [36, 32.5],
                [36, 32],
              ],
            ],
          },
          properties: {
            iso3: "SYR",
            priogrid_gid: 176113,
            lat: 32.25,
            lon: 36.25,
            month: "2020-02",
            horizon: 2,
            p_gt0: 0.125,
          },
        },
      ],
    });
  });

  it("names what is wrong: a format it does not write, a country without a run", async () => {
    const hxl = await analyst.request("GET", `${exportUrl}?format=hxl`);
    expect(hxl.statusCode).toBe(400);
    expect(hxl.json().error.details[0]).toMatchObject({ field: "querystring.format" });
    expect((await analyst.request("GET", "/api/warning/countries/MEX/cell-forecast/export")).statusCode).toBe(
      404,
    );
  });
});
