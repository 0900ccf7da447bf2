import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { signIn, testApp } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildCountries, buildOrganisation, buildUser, type TestUser } from "../support/factories.ts";

let handle: DatabaseHandle;
let app: App;
let author: TestUser;
let colleague: TestUser;
let outsider: TestUser;
let otherOrgId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await buildCountries(handle.db, ["SYR", "MMR"]);
  app = await testApp(handle.db);
  const un = await buildOrganisation(handle.db, "un_entity");
  const au = await buildOrganisation(handle.db, "regional_organisation");
  otherOrgId = au.id;
  author = await buildUser(handle.db, un.id, "analyst", "confidential");
  colleague = await buildUser(handle.db, un.id, "analyst", "restricted");
  outsider = await buildUser(handle.db, au.id, "analyst", "confidential");
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe(`scenarios under clearance (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("keeps a confidential scenario and plan invisible to another organisation's analyst (404, lists, search, exports) until shared", async () => {
    const me = await signIn(app, author.email, author.password);
    const them = await signIn(app, outsider.email, outsider.password);
    const created = await me.request("POST", "/api/scenarios", {
      iso3: "SYR",
      title: "Offensive on Idlib",
      narrative: "Government offensive displaces a million people towards the Turkish border.",
      triggers: ["Ceasefire collapse"],
      likelihood: "likely",
      impact: "catastrophic",
      indicatorsToWatch: ["Troop movements near Saraqib"],
    });
    expect(created.statusCode, created.body).toBe(201);
    const scenario = created.json();
    expect(scenario.clearance).toBe("confidential");
    const plan = (
      await me.request("POST", "/api/scenarios/plans", {
        iso3: "SYR",
        scenarioId: scenario.id,
        title: "Cross-border aid surge",
        actions: [{ action: "Pre-position supplies", actor: "OCHA", timeline: "2 weeks" }],
      })
    ).json();
    const elsewhere = await me.request("POST", "/api/scenarios/plans", {
      iso3: "MMR",
      scenarioId: scenario.id,
      title: "Plan for the wrong country",
    });
    expect(elsewhere.statusCode).toBe(400);
    const rated = { likelihood: "possible", impact: "major" };
    for (const [path, extra] of [
      ["/api/scenarios", rated],
      ["/api/scenarios/plans", {}],
    ] as const) {
      const nowhere = await me.request("POST", path, {
        iso3: "XXX",
        title: "A country that does not exist",
        ...extra,
      });
      expect(nowhere.statusCode, nowhere.body).toBe(400);
      expect(nowhere.json().error.details).toEqual([expect.objectContaining({ field: "body.iso3" })]);
    }
    expect(elsewhere.json().error.details).toEqual([
      { field: "body.scenarioId", message: "a scenario of SYR" },
    ]);
    const openPlan = (
      await me.request("POST", "/api/scenarios/plans", {
        iso3: "SYR",
        scenarioId: scenario.id,
        title: "Public aid corridor plan",
        clearance: "public",
      })
    ).json();
    expect((await me.request("GET", `/api/scenarios/plans/${openPlan.id}`)).json().scenarioId).toBe(
      scenario.id,
    );
    // Others read the public plan, not which confidential scenario it answers.
    expect((await them.request("GET", `/api/scenarios/plans/${openPlan.id}`)).json().scenarioId).toBeNull();
    // A public review: its export shows others only the scenarios they may read.
    const review = (await me.request("POST", "/api/reviews", { iso3: "SYR", clearance: "public" })).json();

    expect((await them.request("GET", `/api/scenarios/${scenario.id}`)).statusCode).toBe(404);
    expect((await them.request("GET", `/api/scenarios/plans/${plan.id}`)).statusCode).toBe(404);
    expect(
      (await them.request("PATCH", `/api/scenarios/${scenario.id}`, { title: "x y z" })).statusCode,
    ).toBe(404);
    expect((await them.request("GET", "/api/scenarios?iso3=SYR")).json()).toEqual([]);
    expect((await them.request("GET", "/api/scenarios?q=Idlib")).json()).toEqual([]);
    expect(
      (await them.request("GET", "/api/scenarios/plans?iso3=SYR")).json().map((p: { id: string }) => p.id),
    ).toEqual([openPlan.id]);
    const theirExport = await them.request("GET", `/api/reviews/${review.id}/export?format=html`);
    expect(theirExport.statusCode).toBe(200);
    expect(theirExport.body).not.toContain("Offensive on Idlib");
    expect((await them.request("GET", `/api/reviews/${review.id}/export`)).json().scenarios).toEqual([]);
    // A brief carries nothing marked above its own marking, even for the author who may read it all.
    expect((await me.request("GET", `/api/reviews/${review.id}/export?format=html`)).body).not.toContain(
      "Offensive on Idlib",
    );
    const closed = (
      await me.request("POST", "/api/reviews", { iso3: "SYR", clearance: "confidential" })
    ).json();
    const closedBrief = await me.request("GET", `/api/reviews/${closed.id}/export?format=html`);
    expect(closedBrief.body).toContain("Offensive on Idlib");
    expect(closedBrief.body).toContain("Cross-border aid surge");

    // Same organisation, cleared only to restricted: still invisible.
    const lower = await signIn(app, colleague.email, colleague.password);
    expect((await lower.request("GET", `/api/scenarios/${scenario.id}`)).statusCode).toBe(404);

    expect(
      (await them.request("PUT", `/api/scenarios/${scenario.id}/shares`, { orgIds: [otherOrgId] }))
        .statusCode,
    ).toBe(404);
    const shared = await me.request("PUT", `/api/scenarios/${scenario.id}/shares`, { orgIds: [otherOrgId] });
    expect(shared.json()).toEqual({ sharedWith: [otherOrgId] });
    expect((await them.request("GET", `/api/scenarios/${scenario.id}`)).statusCode).toBe(200);
    expect((await them.request("GET", "/api/scenarios?q=Idlib")).json()).toHaveLength(1);
    // Shared with them, it is theirs to read, not to find in the public brief.
    expect((await them.request("GET", `/api/reviews/${review.id}/export?format=html`)).body).not.toContain(
      "Offensive on Idlib",
    );
    expect(
      (await them.request("PATCH", `/api/scenarios/${scenario.id}`, { title: "Their edit" })).statusCode,
    ).toBe(403);
    expect((await them.request("GET", `/api/scenarios/plans/${plan.id}`)).statusCode).toBe(404);
  });
});
