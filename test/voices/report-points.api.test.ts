import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { type ApiSession, signIn } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser } from "../support/factories.ts";
import { voicesApp } from "./support.ts";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "embedded";

/** More reports than the queue's largest page (1,000), which the map once read and so cut short. */
const MANY = 1001;

type Point = {
  id: string;
  iso3: string | null;
  latitude: number;
  longitude: number;
  coarsened: boolean;
  category: string;
  status: string;
  month: string;
};

let handle: DatabaseHandle;
let app: App;
let owner: ApiSession;
let uncleared: ApiSession;
let partner: ApiSession;

/** Reports stored straight into the table: the map reads them as they are, however they came in. */
const storeReports = (
  orgId: string,
  count: number,
  report: { clearance: string; iso3: string; latitude: number | null; status: string },
) =>
  sql`INSERT INTO voices_reports (id, owner_org_id, clearance, receipt_hash, channel, category, description,
        incident_date, incident_month, iso3, latitude, longitude, status, sealed, wrapped_key, key_id)
      SELECT gen_random_uuid(), ${orgId}, ${report.clearance}, gen_random_uuid()::text,
        'api', 'armed_violence', 'Shots near the market, said Amina', '2026-03-15', '2026-03-01', ${report.iso3},
        ${report.latitude}, ${report.latitude === null ? null : 18.5623}, ${report.status}, 'sealed', 'key', 'test'
      FROM generate_series(1, ${count}::int) AS i`.execute(handle.db);

const pointsOf = async (session: ApiSession, query = "") => {
  const response = await session.request("GET", `/api/voices/reports/points${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ points: Point[] }>().points;
};

beforeAll(async () => {
  handle = await createTestDatabase();
  const receiving = await buildOrganisation(handle.db, "civil_society");
  const other = await buildOrganisation(handle.db);
  await storeReports(receiving.id, MANY, {
    clearance: "restricted",
    iso3: "CAF",
    latitude: 4.3735,
    status: "new",
  });
  await storeReports(receiving.id, 1, {
    clearance: "public",
    iso3: "MLI",
    latitude: 12.6392,
    status: "verified",
  });
  await storeReports(receiving.id, 1, {
    clearance: "restricted",
    iso3: "CAF",
    latitude: null,
    status: "new",
  });
  ({ app } = await voicesApp(handle, receiving.slug));
  const analyst = await buildUser(handle.db, receiving.id, "analyst", "confidential");
  const publicOnly = await buildUser(handle.db, receiving.id, "viewer", "public");
  const outsider = await buildUser(handle.db, other.id, "administrator", "confidential");
  owner = await signIn(app, analyst.email, analyst.password);
  uncleared = await signIn(app, publicOnly.email, publicOnly.password);
  partner = await signIn(app, outsider.email, outsider.password);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe(`the reports map's points (${engine})`, () => {
  it("gives every matching report with a place, past the queue's largest page", async () => {
    const queue = (await owner.request("GET", "/api/voices/reports?limit=1000")).json();
    expect(queue.total).toBe(MANY + 2);
    expect(queue.reports).toHaveLength(1000);
    const points = await pointsOf(owner);
    expect(points).toHaveLength(MANY + 1);
    expect(await pointsOf(owner, "?iso3=MLI")).toEqual([
      {
        id: expect.any(String),
        iso3: "MLI",
        latitude: 12.6392,
        longitude: 18.5623,
        coarsened: false,
        category: "armed_violence",
        status: "verified",
        month: "2026-03",
      },
    ]);
    expect(await pointsOf(owner, "?status=verified&iso3=CAF")).toEqual([]);
  });

  it("tells nothing of the reporter or their words", async () => {
    const response = await owner.request("GET", "/api/voices/reports/points?iso3=CAF");
    expect(response.body).not.toContain("Amina");
    expect(Object.keys(response.json().points[0]).sort()).toEqual([
      "category",
      "coarsened",
      "id",
      "iso3",
      "latitude",
      "longitude",
      "month",
      "status",
    ]);
  });

  it("keeps the queue's access rules: clearance, and a cell's centre outside the receiving organisation", async () => {
    expect((await pointsOf(uncleared)).map((p) => p.iso3)).toEqual(["MLI"]);
    const [theirs, ...more] = await pointsOf(partner);
    expect(more).toEqual([]);
    expect(theirs).toMatchObject({ iso3: "MLI", coarsened: true, latitude: 12.75, longitude: 18.75 });
    expect((await app.inject({ method: "GET", url: "/api/voices/reports/points" })).statusCode).toBe(401);
  });

  it("refuses the queue's paging, which a map does not take", async () => {
    const paged = await owner.request("GET", "/api/voices/reports/points?limit=10");
    expect(paged.statusCode).toBe(400);
    expect(paged.json().error.details).toEqual([
      { field: "querystring.limit", message: "not a field of this request" },
    ]);
  });
});
