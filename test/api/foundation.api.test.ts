import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { type App, buildApp } from "../../src/http/app.ts";
import { upsertMembership } from "../../src/repositories/users.repository.ts";
import { type ApiSession, signIn, testApp } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, TEST_PASSWORD, type TestUser } from "../support/factories.ts";
import { tempDir } from "../support/temp-dir.ts";

let handle: DatabaseHandle;
let app: App;
let clock = new Date("2026-03-01T10:00:00Z");
let admin: TestUser;
let viewer: TestUser;
let orgId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await testApp(handle.db, { now: () => clock });
  orgId = (await buildOrganisation(handle.db)).id;
  admin = await buildUser(handle.db, orgId, "administrator", "confidential");
  viewer = await buildUser(handle.db, orgId, "viewer");
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe(`API foundation (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  // One administrator session for the tests below: sign-ins are rate-limited per address and account.
  let shared: Promise<ApiSession> | undefined;
  const adminSession = () => {
    shared ??= signIn(app, admin.email, admin.password);
    return shared;
  };

  it("answers health only when the database answers", async () => {
    const response = await app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("has browsers upgrade requests to HTTPS only when served behind HTTPS", async () => {
    const policy = async (secureCookies: boolean) => {
      const config = {
        ...loadConfig({ dataDir: tempDir("csp") }, {}),
        secureCookies,
      };
      const served = await buildApp({ db: handle.db, config });
      try {
        return (await served.inject({ method: "GET", url: "/api/health" })).headers[
          "content-security-policy"
        ];
      } finally {
        await served.close();
      }
    };
    expect(await policy(true)).toContain("upgrade-insecure-requests");
    // Over plain HTTP on a network address, upgraded asset URLs would leave the web app a blank page.
    expect(await policy(false)).not.toContain("upgrade-insecure-requests");
  });

  it("keeps answers that may carry protected content out of every cache", async () => {
    const session = await adminSession();
    for (const path of ["/api/auth/me", "/api/audit-log", "/api/nowhere"])
      expect((await session.request("GET", path)).headers["cache-control"], path).toBe("no-store");
  });

  it("tells a browser how to build the web app when the server started without it, and keeps API answers", async () => {
    const unbuilt = await buildApp({
      db: handle.db,
      config: loadConfig({ dataDir: tempDir("unbuilt") }, {}),
      webRoot: tempDir("no-web-app"),
    });
    try {
      const page = await unbuilt.inject({ method: "GET", url: "/warning/watchlist" });
      expect(page.statusCode).toBe(503);
      expect(page.body).toMatch(/web app is not built: run `npm run build:web`/);
      const api = await unbuilt.inject({ method: "GET", url: "/api/nowhere" });
      expect([api.statusCode, api.json().error.code]).toEqual([404, "not_found"]);
    } finally {
      await unbuilt.close();
    }
  });

  it("publishes an OpenAPI 3 document", async () => {
    const document = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain("/api/organisations");
  });

  it("refuses unauthenticated writes with 401 in the one error shape", async () => {
    const response = await app.inject({ method: "POST", url: "/api/analyses", payload: { title: "x" } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: "unauthenticated", message: expect.any(String), details: [] },
    });
  });

  it("names the offending field in validation errors", async () => {
    const session = await adminSession();
    const response = await session.request("POST", "/api/analyses", {
      title: "Sahel outlook",
      clearance: "secret",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ field: "body.clearance" })]);
  });

  it("refuses months and days that are well formed but do not exist or lie out of range, naming the field", async () => {
    const session = await adminSession();
    const refused = [
      ["GET", "/api/data/country-months?iso3=SYR&from=0000-01&to=2019-02", "querystring.from"],
      ["GET", "/api/data/events?iso3=SYR&from=2019-02-30", "querystring.from"],
      ["GET", "/api/warning/forecasts?origin=0000-01", "querystring.origin"],
      ["GET", "/api/voices/signals?from=2019-13", "querystring.from"],
      ["GET", "/api/audit-log?since=0000-01-01", "querystring.since"],
    ] as const;
    for (const [method, url, field] of refused) {
      const response = await session.request(method, url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(response.json().error.details, url).toEqual([expect.objectContaining({ field })]);
    }
    for (const url of [
      "/api/data/events?iso3=SYR&from=2019-03-01&to=2019-01-01",
      "/api/data/events/points?iso3=SYR&from=2019-03-01&to=2019-01-01",
      "/api/data/country-months?iso3=SYR&from=2019-03&to=2019-01",
    ]) {
      const inverted = await session.request("GET", url);
      expect(inverted.statusCode, url).toBe(400);
      expect(inverted.json().error.details, url).toEqual([
        { field: "querystring.to", message: "must not be before from" },
      ]);
    }
    for (const url of ["/api/audit-log", "/api/audit-log/export"]) {
      const inverted = await session.request("GET", `${url}?since=2026-03-01&until=2026-01-01`);
      expect(inverted.statusCode, url).toBe(400);
      expect(inverted.json().error.details, url).toEqual([
        { field: "querystring.until", message: "must not be before since" },
      ]);
    }
    const run = await session.request("POST", "/api/warning/forecast-runs", { origin: "0000-01" });
    expect(run.statusCode, run.body).toBe(400);
    expect(run.json().error.details).toEqual([expect.objectContaining({ field: "body.origin" })]);
  });

  it("names the body itself, unknown keys one by one, and an over-long path in the one error shape", async () => {
    const session = await adminSession();
    const array = await session.request("POST", "/api/analyses", [1, 2]);
    expect(array.json().error.details).toEqual([expect.objectContaining({ field: "body" })]);
    const unknown = await app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: { text: "Shelling near the market this morning", zzUnknown: 1 },
    });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json().error.details).toContainEqual({
      field: "body.zzUnknown",
      message: "not a field of this request",
    });
    const long = await session.request("GET", `/api/analyses/${"x".repeat(300)}`);
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({
      error: {
        code: "validation_failed",
        message: expect.any(String),
        details: [{ field: "path", message: expect.any(String) }],
      },
    });
  });

  it("refuses the NUL character in any text of a request, naming the field, as the database cannot store it", async () => {
    const session = await adminSession();
    const search = await session.request("GET", "/api/analyses?q=%00");
    expect(search.statusCode, search.body).toBe(400);
    expect(search.json().error.details).toEqual([expect.objectContaining({ field: "querystring.q" })]);
    const created = await session.request("POST", "/api/analyses", { title: "nul \u0000 x" });
    expect(created.statusCode, created.body).toBe(400);
    expect(created.json().error.details).toEqual([expect.objectContaining({ field: "body.title" })]);
    const nested = await session.request("POST", "/api/alerts", {
      iso3: "MLI",
      severity: "high",
      summary: "Clashes near Mopti",
      details: { sources: ["radio", "nul \u0000 x"] },
    });
    expect(nested.statusCode, nested.body).toBe(400);
    expect(nested.json().error.details).toEqual([
      expect.objectContaining({ field: "body.details.sources.1" }),
    ]);
  });

  it("answers a body it cannot read in the one error shape, naming the part at fault", async () => {
    const session = await adminSession();
    const send = (contentType: string, payload: string) =>
      app.inject({
        method: "POST",
        url: "/api/analyses",
        cookies: { continuum_session: session.sessionCookie },
        headers: { "x-csrf-token": session.csrfToken, "content-type": contentType },
        payload,
      });
    const broken = await send("application/json", "{not json");
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "body" }] });
    const wrongType = await send("application/xml", "<analysis/>");
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.details[0].field).toBe("content-type");
  });

  it("refuses a record classified above its author's clearance, which would vanish from them", async () => {
    const analyst = await buildUser(handle.db, orgId, "analyst", "restricted");
    const session = await signIn(app, analyst.email, analyst.password);
    const response = await session.request("POST", "/api/analyses", {
      title: "Too high",
      clearance: "confidential",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { field: "body.clearance", message: "at most restricted" },
    ]);
    const allowed = await session.request("POST", "/api/analyses", {
      title: "Mine",
      clearance: "restricted",
    });
    expect(allowed.statusCode).toBe(201);
  });

  it("refuses a viewer's writes with 403", async () => {
    const session = await signIn(app, viewer.email, viewer.password);
    const response = await session.request("POST", "/api/analyses", { title: "Not allowed" });
    expect(response.statusCode).toBe(403);
    // The organisation's administrators see who tried what.
    const log = await (await adminSession()).request(
      "GET",
      `/api/audit-log?action=access.refused&actor=${viewer.email}`,
    );
    expect(log.json()[0]).toMatchObject({
      actor: viewer.email,
      orgId,
      after: { request: "POST /api/analyses", reason: response.json().error.message },
    });
  });

  it("refuses cookie-authenticated writes without the CSRF token", async () => {
    const session = await adminSession();
    const cookies = { continuum_session: session.sessionCookie };
    const plain = await app.inject({
      method: "POST",
      url: "/api/analyses",
      cookies,
      payload: { title: "CSRF" },
    });
    expect(plain.statusCode).toBe(403);
    expect(plain.json().error.message).toMatch(/CSRF/);
    // An encoded path must not slip past the check: refused as a forgery, or not a route at all.
    for (const url of ["/%61pi/analyses", "/%2Fapi/analyses"]) {
      const response = await app.inject({ method: "POST", url, cookies, payload: { title: "CSRF" } });
      expect([403, 404], url).toContain(response.statusCode);
      if (response.statusCode === 403) expect(response.json().error.message).toMatch(/CSRF/);
    }
    const encoded = await app.inject({ method: "GET", url: "/%61pi/voices/categories" });
    expect(encoded.statusCode).toBe(401);
  });

  it("records each write in the audit log with before and after", async () => {
    const session = await adminSession();
    const created = (await session.request("POST", "/api/analyses", { title: "Audit me" })).json();
    await session.request("PATCH", `/api/analyses/${created.id}`, { title: "Audited" });
    const log = (await session.request("GET", "/api/audit-log?entityType=analyses")).json();
    const update = log.find(
      (entry: { action: string; entityId: string }) =>
        entry.action === "analysis.update" && entry.entityId === created.id,
    );
    expect(update.before.title).toBe("Audit me");
    expect(update.after.title).toBe("Audited");
    expect(update.after.sharedWith).toEqual(update.before.sharedWith);
    expect(update.actor).toBe(admin.email);
    const exported = await session.request("GET", "/api/audit-log/export");
    expect(exported.headers["content-type"]).toContain("ndjson");
    expect(exported.body.split("\n").length).toBeGreaterThan(1);
  });

  it("exports the whole log that matches, not only its newest entries, unless a limit is asked for", async () => {
    const entries = 10_050;
    await sql`
      INSERT INTO audit_log (actor, org_id, via, action, entity_type)
      SELECT 'bulk', ${orgId}::uuid, 'system', 'test.bulk', 'test' FROM generate_series(1, ${entries})`.execute(
      handle.db,
    );
    const session = await adminSession();
    const lines = async (query: string) =>
      (await session.request("GET", `/api/audit-log/export?action=test.bulk${query}`)).body
        .split("\n")
        .filter(Boolean).length;
    expect(await lines("")).toBe(entries);
    expect(await lines("&limit=3")).toBe(3);
  });

  it("reads one organisation's log by its id: any for a platform administrator, only their own for others", async () => {
    const other = await buildOrganisation(handle.db);
    const otherAdmin = await buildUser(handle.db, other.id, "administrator", "confidential");
    await signIn(app, otherAdmin.email, otherAdmin.password);
    const session = await adminSession();
    for (const path of ["/api/audit-log", "/api/audit-log/export"])
      expect((await session.request("GET", `${path}?orgId=${other.id}`)).statusCode, path).toBe(403);
    const own = (await session.request("GET", `/api/audit-log?orgId=${orgId}`)).json() as { orgId: string }[];
    expect(own.length).toBeGreaterThan(0);
    const platform = await buildUser(handle.db, other.id, "viewer", "public", true);
    const platformSession = await signIn(app, platform.email, platform.password);
    const theirs = (await platformSession.request("GET", `/api/audit-log?orgId=${other.id}`)).json() as {
      actor: string;
      orgId: string;
    }[];
    expect(new Set(theirs.map((e) => e.orgId))).toEqual(new Set([other.id]));
    expect(theirs.map((e) => e.actor)).toContain(otherAdmin.email);
  });

  it("filters the audit log by person, channel, record and time, a page at a time", async () => {
    const session = await adminSession();
    const created = (await session.request("POST", "/api/analyses", { title: "Filter me" })).json();
    await session.request("PATCH", `/api/analyses/${created.id}`, { title: "Filtered" });
    const read = async (query: string) =>
      (await session.request("GET", `/api/audit-log?${query}`)).json() as {
        id: number;
        action: string;
        actor: string;
        via: string;
      }[];
    const history = await read(`entityType=analyses&entityId=${created.id}`);
    expect(history.map((e) => e.action)).toEqual(["analysis.update", "analysis.create"]);
    // The page shows ids shortened to 8 characters: those find the record too.
    expect(await read(`entityId=${created.id.slice(0, 8)}&limit=500`)).toEqual(
      expect.arrayContaining(history.map((e) => expect.objectContaining({ id: e.id }))),
    );
    const upper = admin.email.slice(0, 6).toUpperCase();
    expect(
      (await read(`actor=${encodeURIComponent(upper)}&limit=500`)).every((e) => e.actor === admin.email),
    ).toBe(true);
    expect(await read(`actor=${encodeURIComponent("%")}`)).toEqual([]);
    expect(await read(`entityId=${created.id}&via=cli`)).toEqual([]);
    expect(await read(`entityId=${created.id}&until=2000-01-01T00:00:00Z`)).toEqual([]);
    expect(await read(`entityId=${created.id}&since=2000-01-01T00:00:00Z`)).toHaveLength(2);
    const [newest] = await read(`entityId=${created.id}&limit=1`);
    const older = await read(`entityId=${created.id}&beforeId=${newest?.id}`);
    expect(older.map((e) => e.action)).toEqual(["analysis.create"]);
    const bad = await session.request("GET", "/api/audit-log?via=fax");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe("querystring.via");
    const facets = (await session.request("GET", "/api/audit-log/facets")).json();
    expect(facets.actions).toEqual(expect.arrayContaining(["analysis.create", "analysis.update"]));
    expect(facets.entityTypes).toContain("analyses");
  });

  it("withholds from the audit log what the reader may not see of a protected record", async () => {
    const otherOrg = (await buildOrganisation(handle.db)).id;
    const author = await buildUser(handle.db, otherOrg, "analyst", "confidential");
    const otherAdmin = await buildUser(handle.db, otherOrg, "administrator", "restricted");
    const platformAdmin = await buildUser(handle.db, orgId, "administrator", "confidential", true);
    const writer = await signIn(app, author.email, author.password);
    const secret = (
      await writer.request("POST", "/api/analyses", {
        title: "Informant at Konduga",
        body: "names",
        clearance: "confidential",
      })
    ).json();
    await writer.request("PATCH", `/api/analyses/${secret.id}`, { title: "Informant moved" });
    const entriesFor = async (who: TestUser) => {
      const session = await signIn(app, who.email, who.password);
      return (await session.request("GET", `/api/audit-log?entityId=${secret.id}`)).json() as {
        action: string;
        withheld: boolean;
        after: unknown;
      }[];
    };
    for (const reader of [platformAdmin, otherAdmin]) {
      const entries = await entriesFor(reader);
      expect(entries.map((e) => e.action)).toContain("analysis.create");
      expect(
        entries.every((e) => e.withheld && e.after === null),
        reader.email,
      ).toBe(true);
      const session = await signIn(app, reader.email, reader.password);
      const exported = (await session.request("GET", `/api/audit-log/export?entityId=${secret.id}`)).body;
      expect(exported).not.toContain("Konduga");
    }
    const cleared = await buildUser(handle.db, otherOrg, "administrator", "confidential");
    const [created] = (await entriesFor(cleared)).filter((e) => e.action === "analysis.create");
    expect(created).toMatchObject({
      withheld: false,
      after: expect.objectContaining({ title: "Informant at Konduga" }),
    });
  });

  it("keeps the audit log append-only even for the database owner", async () => {
    await expect(handle.runScript("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await expect(handle.runScript("UPDATE audit_log SET actor = 'x'")).rejects.toThrow(/append-only/);
  });

  it("signs out: the cookie no longer works", async () => {
    const session = await signIn(app, viewer.email, viewer.password);
    expect((await session.request("POST", "/api/auth/sign-out")).statusCode).toBe(204);
    expect((await session.request("GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("changes a password, ending other sessions", async () => {
    const user = await buildUser(handle.db, orgId, "analyst");
    const first = await signIn(app, user.email, TEST_PASSWORD);
    const second = await signIn(app, user.email, TEST_PASSWORD);
    const newPassword = "a much longer new passphrase";
    const response = await second.request("POST", "/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword,
    });
    expect(response.statusCode).toBe(204);
    expect((await first.request("GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await second.request("GET", "/api/auth/me")).statusCode).toBe(200);
    await expect(signIn(app, user.email, TEST_PASSWORD)).rejects.toThrow(/401/);
    await signIn(app, user.email, newPassword);
  });

  it("locks an account after five wrong passwords, then lets it in after fifteen minutes", async () => {
    const user = await buildUser(handle.db, orgId, "analyst");
    const attempt = (password: string) =>
      app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: user.email, password } });
    const burst = await Promise.all(Array.from({ length: 5 }, () => attempt("wrong password!")));
    expect(burst.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
    const locked = await attempt(TEST_PASSWORD);
    // Locked, the right password gets the same answer as an unknown email: nothing tells accounts apart.
    const unknown = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "nobody@example.org", password: TEST_PASSWORD },
    });
    expect([locked.statusCode, locked.json()]).toEqual([401, unknown.json()]);
    expect(locked.json().error.message).toMatch(/locked for 15 minutes/);
    // The attempts and the lock are in the log of the account's organisation, not only the platform's.
    const log = await (await adminSession()).request("GET", `/api/audit-log?entityId=${user.userId}`);
    expect(
      (log.json() as { action: string; orgId: string }[]).map((e) => [e.action, e.orgId]).sort(),
    ).toEqual([...Array.from({ length: 5 }, () => ["auth.sign_in_refused", orgId]), ["user.locked", orgId]]);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("counts wrong current passwords toward the lock: a stolen session cannot guess the password", async () => {
    const user = await buildUser(handle.db, orgId, "analyst");
    const session = await signIn(app, user.email, TEST_PASSWORD);
    const change = (currentPassword: string) =>
      session.request("POST", "/api/auth/password", {
        currentPassword,
        newPassword: "a much longer new passphrase",
      });
    for (let i = 0; i < 5; i++) expect((await change("wrong password!")).statusCode).toBe(400);
    const locked = await change(TEST_PASSWORD);
    expect([locked.statusCode, locked.json().error.message]).toEqual([
      429,
      "After 5 wrong passwords the account is locked for 15 minutes; try again then.",
    ]);
    const log = await (await adminSession()).request("GET", `/api/audit-log?entityId=${user.userId}&limit=2`);
    expect(log.json()).toMatchObject([
      { action: "user.locked", orgId },
      { action: "user.change_password_refused", actor: user.email, orgId },
    ]);
    clock = new Date(clock.getTime() + 16 * 60_000);
    // Guesses sent all at once are counted one by one: no more than five are checked before the lock.
    const burst = await Promise.all(Array.from({ length: 12 }, () => change("wrong password!")));
    expect(burst.filter((r) => r.statusCode === 400)).toHaveLength(5);
    expect(burst.filter((r) => r.statusCode === 429)).toHaveLength(7);
    clock = new Date(clock.getTime() + 16 * 60_000);
    // The right password resets the count: four wrong ones before a change leave no lock one typo away.
    for (let i = 0; i < 4; i++) await change("wrong password!");
    expect((await change(TEST_PASSWORD)).statusCode).toBe(204);
    const signInWrong = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: user.email, password: "wrong password!" },
    });
    expect(signInWrong.statusCode).toBe(401);
    await signIn(app, user.email, "a much longer new passphrase");
  });

  it("lets an administrator, not a viewer, lift a lock-out at once", async () => {
    const user = await buildUser(handle.db, orgId, "analyst");
    const attempt = (password: string) =>
      app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: user.email, password } });
    for (let i = 0; i < 5; i++) await attempt("wrong password!");
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(401);
    const viewerSession = await signIn(app, viewer.email, viewer.password);
    expect((await viewerSession.request("POST", `/api/users/${user.userId}/unlock`)).statusCode).toBe(403);
    const asAdmin = await adminSession();
    const unlocked = await asAdmin.request("POST", `/api/users/${user.userId}/unlock`);
    expect([unlocked.statusCode, unlocked.json().locked]).toEqual([200, false]);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("ends a membership: the person's sessions for the organisation stop, and only its administrators may", async () => {
    const leaver = await buildUser(handle.db, orgId, "analyst");
    const leaverSession = await signIn(app, leaver.email, leaver.password);
    expect((await leaverSession.request("GET", "/api/analyses")).statusCode).toBe(200);
    const outsider = await buildUser(handle.db, (await buildOrganisation(handle.db)).id, "administrator");
    const path = `/api/users/${leaver.userId}/memberships/${orgId}`;
    expect(
      (await (await signIn(app, outsider.email, outsider.password)).request("DELETE", path)).statusCode,
    ).toBe(403);
    expect(
      (await (await signIn(app, viewer.email, viewer.password)).request("DELETE", path)).statusCode,
    ).toBe(403);
    const asAdmin = await adminSession();
    expect((await asAdmin.request("DELETE", path)).statusCode).toBe(204);
    expect((await leaverSession.request("GET", "/api/analyses")).statusCode).toBe(401);
    expect(
      (await asAdmin.request("DELETE", `/api/users/${admin.userId}/memberships/${orgId}`)).statusCode,
    ).toBe(409);
    // The only administrator of an organisation does not step down without a successor.
    const lone = await buildOrganisation(handle.db);
    const loneAdmin = await buildUser(handle.db, lone.id, "administrator", "restricted");
    const stepDown = await (await signIn(app, loneAdmin.email, loneAdmin.password)).request(
      "PUT",
      `/api/users/${loneAdmin.userId}/memberships/${lone.id}`,
      { role: "viewer" },
    );
    expect(stepDown.statusCode).toBe(409);
    expect(stepDown.json().error.message).toMatch(/no administrator left/);
  });

  it("switches a person to another organisation of theirs only, in that organisation's log", async () => {
    const home = await buildOrganisation(handle.db);
    const person = await buildUser(handle.db, home.id, "analyst", "restricted");
    await upsertMembership(handle.db, { userId: person.userId, orgId, role: "viewer", clearance: "public" });
    const session = await signIn(app, person.email, person.password);
    const stranger = (await buildOrganisation(handle.db)).id;
    const refused = await session.request("POST", "/api/auth/organisation", { orgId: stranger });
    expect(refused.statusCode).toBe(404);
    expect((await session.request("POST", "/api/auth/organisation", { orgId })).statusCode).toBe(204);
    const me = (await session.request("GET", "/api/auth/me")).json();
    expect(me.acting).toEqual({ orgId, role: "viewer", clearance: "public" });
    const log = (
      await (await adminSession()).request("GET", "/api/audit-log?action=auth.switch_organisation")
    ).json() as { actor: string; after: unknown }[];
    const entries = log.filter((e) => e.actor === person.email);
    expect(entries.map((e) => e.after)).toEqual([{ orgId, role: "viewer", clearance: "public" }]);
    expect(JSON.stringify(entries)).not.toContain(home.id);
  });

  it("keeps platform administrators and shared settings out of an organisation administrator's reach", async () => {
    const platform = await buildUser(handle.db, orgId, "administrator", "confidential", true);
    const session = await adminSession();
    const membership = `/api/users/${platform.userId}/memberships/${orgId}`;
    expect((await session.request("PUT", membership, { role: "viewer" })).statusCode).toBe(403);
    expect((await session.request("DELETE", membership)).statusCode).toBe(403);
    // Nor lifts their lock-out: each unlock would buy five more guesses at the instance's password.
    expect((await session.request("POST", `/api/users/${platform.userId}/unlock`)).statusCode).toBe(403);
    // Desks, alert rules, the review schedule and the framework are shared by every organisation.
    const rules = (await session.request("GET", "/api/alerts/rules")).json() as { id: string }[];
    for (const [method, path, body] of [
      ["PUT", "/api/alerts/desks", { iso3: "*", orgId, userId: admin.userId }],
      ["PATCH", `/api/alerts/rules/${rules[0]?.id}`, { enabled: false }],
      ["PUT", "/api/reviews/settings", { cycleMonths: 12 }],
    ] as const)
      expect((await session.request(method, path, body)).statusCode, path).toBe(403);
  });

  it("lets an administrator grant at most their own clearance, to others and to themself", async () => {
    const restrictedAdmin = await buildUser(handle.db, orgId, "administrator", "restricted");
    const session = await signIn(app, restrictedAdmin.email, restrictedAdmin.password);
    const own = `/api/users/${restrictedAdmin.userId}/memberships/${orgId}`;
    const raised = await session.request("PUT", own, { role: "administrator", clearance: "confidential" });
    expect(raised.statusCode).toBe(400);
    expect(raised.json().error.details[0]).toMatchObject({
      field: "body.clearance",
      message: "at most restricted",
    });
    const other = `/api/users/${viewer.userId}/memberships/${orgId}`;
    expect(
      (await session.request("PUT", other, { role: "viewer", clearance: "confidential" })).statusCode,
    ).toBe(400);
    expect(
      (await session.request("PUT", other, { role: "viewer", clearance: "restricted" })).statusCode,
    ).toBe(200);
    const created = await session.request("POST", "/api/users", {
      email: "cleared.analyst@example.org",
      name: "Cleared Analyst",
      password: "twelve chars min",
      role: "analyst",
      clearance: "confidential",
      orgId,
    });
    expect(created.statusCode).toBe(400);
    // Nor may they change or end the membership of someone cleared above them.
    const confidential = await buildUser(handle.db, orgId, "viewer", "confidential");
    const above = `/api/users/${confidential.userId}/memberships/${orgId}`;
    expect((await session.request("PUT", above, { role: "administrator" })).statusCode).toBe(403);
    expect((await session.request("DELETE", above)).statusCode).toBe(403);
    // Nor lift their lock-out, which would let more guesses at a password that opens confidential records.
    expect((await session.request("POST", `/api/users/${confidential.userId}/unlock`)).statusCode).toBe(403);
    expect((await session.request("POST", `/api/users/${viewer.userId}/unlock`)).statusCode).toBe(200);
    // An organisation administrator's unlock stays in their own log: another organisation of the person's
    // would learn from the administrator's name where else the person works.
    const elsewhere = await buildOrganisation(handle.db);
    await upsertMembership(handle.db, {
      userId: viewer.userId,
      orgId: elsewhere.id,
      role: "viewer",
      clearance: "public",
    });
    expect((await session.request("POST", `/api/users/${viewer.userId}/unlock`)).statusCode).toBe(200);
    const filed = await handle.db
      .selectFrom("audit_log")
      .select("org_id")
      .where("action", "=", "user.unlock")
      .where("entity_id", "=", viewer.userId)
      .execute();
    expect(new Set(filed.map((e) => e.org_id))).toEqual(new Set([orgId]));
  });

  it("files a platform administrator's change to an organisation's people in that organisation's log", async () => {
    const platformOrg = await buildOrganisation(handle.db);
    const platform = await buildUser(handle.db, platformOrg.id, "administrator", "confidential", true);
    const platformSession = await signIn(app, platform.email, platform.password);
    const added = await platformSession.request("POST", "/api/users", {
      email: "added.by.platform@example.org",
      name: "Added",
      password: "twelve chars min",
      role: "viewer",
      orgId,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().accountExisted).toBe(false);
    // The same person added to a second organisation keeps their account, and the answer says so.
    const again = await platformSession.request("POST", "/api/users", {
      email: "added.by.platform@example.org",
      name: "Another name",
      password: "another twelve chars",
      role: "viewer",
      orgId: platformOrg.id,
    });
    expect(again.json()).toMatchObject({ accountExisted: true, name: "Added" });
    const log = (await (await adminSession()).request("GET", "/api/audit-log?action=user.create")).json();
    expect((log as { entityId: string }[]).map((e) => e.entityId)).toContain(added.json().id);
    // A change to the account itself (a lock lifted) is in the log of every organisation the person is in.
    const unlocked = await platformSession.request("POST", `/api/users/${added.json().id}/unlock`);
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    for (const reader of [await adminSession(), platformSession]) {
      const unlocks = (await reader.request("GET", "/api/audit-log?action=user.unlock")).json() as {
        entityId: string;
        orgId: string;
      }[];
      expect(unlocks.filter((e) => e.entityId === added.json().id).map((e) => e.orgId)).toContain(orgId);
    }
    const orgsLogged = await handle.db
      .selectFrom("audit_log")
      .select("org_id")
      .where("action", "=", "user.unlock")
      .where("entity_id", "=", added.json().id)
      .execute();
    expect(orgsLogged.map((e) => e.org_id).sort()).toEqual([orgId, platformOrg.id].sort());
  });

  it("revokes a leaver's API tokens for the organisation, so rejoining does not revive them", async () => {
    const leaver = await buildUser(handle.db, orgId, "analyst");
    const token = (
      await (
        await signIn(app, leaver.email, leaver.password)
      ).request("POST", "/api/tokens", { name: "robot" })
    ).json().token;
    const session = await adminSession();
    expect(
      (await session.request("DELETE", `/api/users/${leaver.userId}/memberships/${orgId}`)).statusCode,
    ).toBe(204);
    const platform = await buildUser(handle.db, orgId, "administrator", "confidential", true);
    const platformSession = await signIn(app, platform.email, platform.password);
    const readd = await platformSession.request("POST", "/api/users", {
      email: leaver.email,
      name: "Back again",
      password: "twelve chars min",
      role: "viewer",
      orgId,
    });
    expect(readd.statusCode, readd.body).toBeLessThan(300);
    // An organisation administrator sees only their own organisation among a person's memberships.
    const elsewhere = (await buildOrganisation(handle.db)).id;
    await platformSession.request("POST", "/api/users", {
      email: leaver.email,
      name: "Also elsewhere",
      password: "twelve chars min",
      role: "viewer",
      orgId: elsewhere,
    });
    const people = (await session.request("GET", "/api/users")).json() as {
      email: string;
      memberships: { orgId: string }[];
    }[];
    expect(people.find((p) => p.email === leaver.email)?.memberships.map((m) => m.orgId)).toEqual([orgId]);
    const headers = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: "GET", url: "/api/auth/me", headers })).statusCode).toBe(401);
  });

  it("gives machines API tokens that act without CSRF and stop working when revoked", async () => {
    const session = await adminSession();
    const created = await session.request("POST", "/api/tokens", { name: "ingest robot" });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const headers = { authorization: `Bearer ${token}` };
    const write = await app.inject({
      method: "POST",
      url: "/api/analyses",
      headers,
      payload: { title: "From a machine" },
    });
    expect(write.statusCode).toBe(201);
    // The log tells the machine's work from its owner's, naming the token (never its secret).
    const logged = await handle.db
      .selectFrom("audit_log")
      .select("actor")
      .where("action", "=", "analysis.create")
      .where("entity_id", "=", write.json().id)
      .executeTakeFirstOrThrow();
    expect(logged.actor).toBe(`${admin.email} (API token: ingest robot, ${token.slice(0, 10)}…)`);
    expect(logged.actor).not.toContain(token);
    const minted = await app.inject({
      method: "POST",
      url: "/api/tokens",
      headers,
      payload: { name: "forever" },
    });
    expect(minted.statusCode, minted.body).toBe(403);
    // Nor may it leave access behind that would outlive it: a new account, or a membership raised.
    const added = await app.inject({
      method: "POST",
      url: "/api/users",
      headers,
      payload: {
        email: "left.behind@example.org",
        name: "Left behind",
        password: "twelve chars min",
        role: "administrator",
        clearance: "confidential",
        orgId,
      },
    });
    expect(added.statusCode, added.body).toBe(403);
    const raised = await app.inject({
      method: "PUT",
      url: `/api/users/${viewer.userId}/memberships/${orgId}`,
      headers,
      payload: { role: "administrator", clearance: "confidential" },
    });
    expect(raised.statusCode, raised.body).toBe(403);
    const viewerNow = await handle.db
      .selectFrom("memberships")
      .select("role")
      .where("user_id", "=", viewer.userId)
      .executeTakeFirstOrThrow();
    expect(viewerNow.role).toBe("viewer");
    expect(
      await handle.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "left.behind@example.org")
        .executeTakeFirst(),
    ).toBeUndefined();
    expect((await session.request("DELETE", `/api/tokens/${id}`)).statusCode).toBe(204);
    expect((await app.inject({ method: "GET", url: "/api/analyses", headers })).statusCode).toBe(401);
    // A misspelt field is refused by name, not dropped: this token would never have expired.
    const misspelt = await session.request("POST", "/api/tokens", { name: "etl", expiresDays: 30 });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error.details).toEqual([
      { field: "body.expiresDays", message: "not a field of this request" },
    ]);
    // So is a filter on a list that has none: the whole list would look filtered.
    const filtered = await session.request("GET", "/api/tokens?name=etl");
    expect(filtered.statusCode).toBe(400);
    expect(filtered.json().error.details).toEqual([
      { field: "querystring.name", message: "not a field of this request" },
    ]);
    // The log keeps what was revoked.
    const revoked = await handle.db
      .selectFrom("audit_log")
      .select("before")
      .where("action", "=", "token.revoke")
      .where("entity_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(revoked.before).toMatchObject({ id, name: expect.any(String) });
  });

  it("lets an organisation's administrators, and no one else, find and revoke its members' API tokens", async () => {
    const holder = await buildUser(handle.db, orgId, "analyst");
    const created = (
      await (
        await signIn(app, holder.email, holder.password)
      ).request("POST", "/api/tokens", {
        name: "nightly import",
      })
    ).json();
    const headers = { authorization: `Bearer ${created.token}` };
    const otherOrg = (await buildOrganisation(handle.db)).id;
    const outsider = await buildUser(handle.db, otherOrg, "administrator", "confidential");
    const outsiderSession = await signIn(app, outsider.email, outsider.password);
    const listed = async (session: ApiSession, query = "") =>
      (await session.request("GET", `/api/users/tokens${query}`)).json() as { id: string }[];
    expect((await listed(outsiderSession)).map((t) => t.id)).not.toContain(created.id);
    expect((await outsiderSession.request("GET", `/api/users/tokens?orgId=${orgId}`)).statusCode).toBe(403);
    const viewerSession = await signIn(app, viewer.email, viewer.password);
    expect((await viewerSession.request("GET", "/api/users/tokens")).statusCode).toBe(403);
    const session = await adminSession();
    const mine = (await listed(session)).find((t) => t.id === created.id);
    expect(mine).toMatchObject({ name: "nightly import", orgId, owner: { userId: holder.userId } });
    expect(JSON.stringify(mine)).not.toContain(created.token);
    // Revoked by another organisation's administrator: not found, and the token still works.
    expect((await outsiderSession.request("DELETE", `/api/users/tokens/${created.id}`)).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/api/auth/me", headers })).statusCode).toBe(200);
    expect((await session.request("DELETE", `/api/users/tokens/${created.id}`)).statusCode).toBe(204);
    expect((await app.inject({ method: "GET", url: "/api/auth/me", headers })).statusCode).toBe(401);
    const log = (await session.request("GET", "/api/audit-log?action=token.revoke")).json() as {
      actor: string;
      entityId: string;
    }[];
    expect(log.find((e) => e.entityId === created.id)?.actor).toBe(admin.email);
  });

  it("slows one password tried against many accounts from one address, then lets the address in again", async () => {
    clock = new Date(clock.getTime() + 16 * 60_000);
    const spray = (i: number) =>
      app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { email: `sprayed-${i}@example.org`, password: "Winter2026!!x" },
      });
    for (let i = 0; i < 20; i++) expect((await spray(i)).statusCode).toBe(401);
    const refused = await spray(20);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/Too many failed sign-ins from this address/);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await spray(21)).statusCode).toBe(401);
  }, 60_000);

  it("tells people behind a trusted reverse proxy apart by their forwarded address", async () => {
    const proxied = await buildApp({
      db: handle.db,
      config: {
        ...loadConfig({ dataDir: tempDir("proxy") }, {}),
        trustedProxies: "127.0.0.1",
      },
    });
    try {
      const from = (address: string, i: number) =>
        proxied.inject({
          method: "POST",
          url: "/api/auth/sign-in",
          headers: { "x-forwarded-for": address },
          payload: { email: `proxied-${i}@example.org`, password: "Winter2026!!x" },
        });
      for (let i = 0; i < 20; i++) expect((await from("10.0.0.1", i)).statusCode).toBe(401);
      expect((await from("10.0.0.1", 20)).statusCode).toBe(429);
      expect((await from("10.0.0.2", 21)).statusCode).toBe(401);
    } finally {
      await proxied.close();
    }
  }, 60_000);

  it("lets an organisation administrator add people to their own organisation only", async () => {
    const session = await adminSession();
    const payload = {
      email: "new.analyst@example.org",
      name: "New Analyst",
      password: "twelve chars min",
      role: "analyst",
    };
    const weak = await session.request("POST", "/api/users", { ...payload, orgId, password: "password1234" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toMatchObject({
      field: "body.password",
      message: expect.stringMatching(/password/),
    });
    expect((await session.request("POST", "/api/users", { ...payload, orgId })).statusCode).toBe(201);
    // Adding the same person again changes nothing: their role stays what it was.
    const again = await session.request("POST", "/api/users", { ...payload, orgId, role: "administrator" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].field).toBe("body.email");
    const other = await buildOrganisation(handle.db);
    const refused = await session.request("POST", "/api/users", {
      ...payload,
      email: "x@example.org",
      orgId: other.id,
    });
    expect(refused.statusCode).toBe(403);
    const people = (await session.request("GET", "/api/users")).json();
    expect(people.map((p: { email: string }) => p.email)).toContain("new.analyst@example.org");
    const added = people.find((p: { email: string }) => p.email === "new.analyst@example.org");
    expect(added.memberships[0].role).toBe("analyst");
    // Another organisation's people are refused, not answered with one's own.
    expect((await session.request("GET", `/api/users?orgId=${other.id}`)).statusCode).toBe(403);
    const refusal = await session.request("GET", "/api/audit-log?action=access.refused&limit=1");
    expect(refusal.json()[0].after).toMatchObject({ request: "GET /api/users", query: { orgId: other.id } });
    expect((await session.request("GET", `/api/users?orgId=${orgId}`)).statusCode).toBe(200);
  });
});
