import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAP_POINTS_LIMIT } from "../../src/core/voices/map-clusters.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { type ApiSession, signIn } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser } from "../support/factories.ts";
import { voicesApp } from "./support.ts";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "embedded";

/** Tens of thousands of reports: far too many for a map to draw one by one. */
const MANY = 20_000;

type Cluster = {
  latitude: number;
  longitude: number;
  count: number;
  iso3: string | null;
  coarsened: boolean;
};
type ReportMap = { total: number; points: unknown[]; clusters: Cluster[] };

let handle: DatabaseHandle;
let app: App;
let owner: ApiSession;
let partner: ApiSession;

/**
 * Reports stored straight into the table, spread over a square of `spread` degrees from a corner: the map
 * reads them as they are, however they came in.
 */
const storeReports = (
  orgId: string,
  count: number,
  at: { iso3: string; latitude: number; longitude: number; spread: number; clearance: string },
) =>
  sql`INSERT INTO voices_reports (id, owner_org_id, clearance, receipt_hash, channel, category, description,
        incident_date, incident_month, iso3, latitude, longitude, status, sealed, wrapped_key, key_id)
      SELECT gen_random_uuid(), ${orgId}, ${at.clearance}, gen_random_uuid()::text,
        'api', 'armed_violence', 'Shots near the market', '2026-03-15', '2026-03-01', ${at.iso3},
        ${at.latitude}::float8 + (i % 100) * ${at.spread}::float8 / 100,
        ${at.longitude}::float8 + (i / 100) * ${at.spread}::float8 / ${count / 100}, 'new', 'sealed', 'key', 'test'
      FROM generate_series(0, ${count - 1}::int) AS i`.execute(handle.db);

const mapOf = async (session: ApiSession, query = "") => {
  const response = await session.request("GET", `/api/voices/reports/points${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ReportMap>();
};

const sum = (clusters: Cluster[]) => clusters.reduce((total, cluster) => total + cluster.count, 0);

beforeAll(async () => {
  handle = await createTestDatabase();
  const receiving = await buildOrganisation(handle.db, "civil_society");
  const other = await buildOrganisation(handle.db);
  await storeReports(receiving.id, MANY - 100, {
    iso3: "CAF",
    latitude: 3,
    longitude: 16,
    spread: 6,
    clearance: "restricted",
  });
  await storeReports(receiving.id, 100, {
    iso3: "MLI",
    latitude: 12.6,
    longitude: -8,
    spread: 0.001,
    clearance: "public",
  });
  ({ app } = await voicesApp(handle, receiving.slug));
  const analyst = await buildUser(handle.db, receiving.id, "analyst", "confidential");
  const outsider = await buildUser(handle.db, other.id, "administrator", "confidential");
  owner = await signIn(app, analyst.email, analyst.password);
  partner = await signIn(app, outsider.email, outsider.password);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe(`the reports map past ${MAP_POINTS_LIMIT} reports (${engine})`, () => {
  it("gathers them in grid cells a map can draw, counting every report once", async () => {
    const map = await mapOf(owner);
    expect(map.total).toBe(MANY);
    expect(map.points).toEqual([]);
    expect(sum(map.clusters)).toBe(MANY);
    // About 24 cells across the extent and 12 down: a few hundred circles at most, not twenty thousand.
    expect(map.clusters.length).toBeLessThanOrEqual(25 * 13);
    const mali = map.clusters.filter((cluster) => cluster.iso3 === "MLI");
    expect(mali).toEqual([
      {
        latitude: expect.closeTo(12.6, 2),
        longitude: expect.closeTo(-8, 2),
        count: 100,
        iso3: "MLI",
        coarsened: false,
      },
    ]);
  });

  it("sizes the cells to the reports shown: one country's are gathered finer", async () => {
    const all = await mapOf(owner);
    const central = await mapOf(owner, "?iso3=CAF");
    expect(sum(central.clusters)).toBe(MANY - 100);
    const centralOfAll = all.clusters.filter((cluster) => cluster.iso3 === "CAF");
    expect(central.clusters.length).toBeGreaterThan(centralOfAll.length);
  });

  it("draws each report again once the filter leaves few enough", async () => {
    const map = await mapOf(owner, "?iso3=MLI");
    expect(map).toMatchObject({ total: 100, clusters: [] });
    expect(map.points).toHaveLength(100);
  });

  it("places others' reports at their PRIO-GRID cell's centre before gathering them", async () => {
    const map = await mapOf(partner);
    expect(map.total).toBe(100);
    expect(map.points).toHaveLength(100);
    expect(map.points[0]).toMatchObject({ coarsened: true, latitude: 12.75, longitude: -7.75 });
  });
});
