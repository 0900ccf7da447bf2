import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { createApiToken } from "../../src/services/auth/create-api-token.ts";
import { resetPassword } from "../../src/services/users/reset-password.ts";
import { type ApiSession, signIn, testApp } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, contextFor, type TestUser } from "../support/factories.ts";

let handle: DatabaseHandle;
let app: App;
let orgId: string;
let admin: TestUser;
let platform: TestUser;
let adminSession: ApiSession;

const FIRST_PASSWORD = "first secret typed by the administrator";
const OWN_PASSWORD = "a passphrase of my very own";

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await testApp(handle.db);
  orgId = (await buildOrganisation(handle.db)).id;
  admin = await buildUser(handle.db, orgId, "administrator", "confidential");
  platform = await buildUser(handle.db, orgId, "administrator", "confidential", true);
  adminSession = await signIn(app, admin.email, admin.password);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

/** A person as an administrator adds them: with a first password the administrator typed. */
const addPerson = async (email: string): Promise<string> => {
  const added = await adminSession.request("POST", "/api/users", {
    email,
    name: email,
    password: FIRST_PASSWORD,
    role: "analyst",
    clearance: "restricted",
    orgId,
  });
  expect(added.statusCode).toBe(201);
  return added.json<{ id: string }>().id;
};

/** Whether the administrator's list of people shows the person as yet to choose their own password. */
const listedAsHeld = async (userId: string) =>
  (await adminSession.request("GET", "/api/users"))
    .json<{ id: string; mustChangePassword: boolean }[]>()
    .find((person) => person.id === userId)?.mustChangePassword;

const me = async (session: ApiSession) =>
  (await session.request("GET", "/api/auth/me")).json<{ mustChangePassword: boolean }>();

const choose = (session: ApiSession, currentPassword: string, newPassword = OWN_PASSWORD) =>
  session.request("POST", "/api/auth/password", { currentPassword, newPassword });

const auditActions = async (userId: string) =>
  (await adminSession.request("GET", `/api/audit-log?entityId=${userId}`))
    .json<{ action: string; before: unknown; after: unknown }[]>()
    .map(({ action, before, after }) => ({ action, before, after }));

describe(`A password set by an administrator (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("holds the session to choosing a password of one's own, then lets everything through", async () => {
    const userId = await addPerson("new.analyst@example.org");
    const session = await signIn(app, "new.analyst@example.org", FIRST_PASSWORD);
    expect(await me(session)).toMatchObject({ mustChangePassword: true });
    expect(await listedAsHeld(userId)).toBe(true);

    for (const [method, url] of [
      ["GET", "/api/tokens"],
      ["GET", "/api/audit-log"],
      ["POST", "/api/tokens"],
      ["POST", "/api/auth/organisation"],
    ] as const) {
      const refused = await session.request(method, url, method === "POST" ? { name: "x" } : undefined);
      expect([url, refused.statusCode, refused.json().error.code]).toEqual([
        url,
        403,
        "password_change_required",
      ]);
      expect(refused.json().error.message).toMatch(/Choose your own password first/);
    }
    expect((await session.request("PUT", "/api/auth/language", { language: "fr" })).statusCode).toBe(204);

    expect((await choose(session, FIRST_PASSWORD)).statusCode).toBe(204);
    expect(await me(session)).toMatchObject({ mustChangePassword: false });
    expect(await listedAsHeld(userId)).toBe(false);
    expect((await session.request("GET", "/api/tokens")).statusCode).toBe(200);
    await signIn(app, "new.analyst@example.org", OWN_PASSWORD);

    const log = await auditActions(userId);
    expect(log).toContainEqual({
      action: "user.change_password",
      before: { mustChangePassword: true },
      after: null,
    });
  });

  it("lets a held session sign out", async () => {
    await addPerson("leaving.early@example.org");
    const session = await signIn(app, "leaving.early@example.org", FIRST_PASSWORD);
    expect((await session.request("POST", "/api/auth/sign-out")).statusCode).toBe(204);
    expect((await session.request("GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("holds the person again after a platform administrator resets the password, not after their own change", async () => {
    const person = await buildUser(handle.db, orgId, "viewer");
    const ctx = contextFor(handle.db, platform);
    await resetPassword(ctx, { email: person.email, newPassword: FIRST_PASSWORD });
    const session = await signIn(app, person.email, FIRST_PASSWORD);
    expect(await me(session)).toMatchObject({ mustChangePassword: true });
    expect((await session.request("GET", "/api/tokens")).json().error.code).toBe("password_change_required");
    expect((await choose(session, FIRST_PASSWORD)).statusCode).toBe(204);

    // Changing it again, by choice, does not hold the person.
    expect((await choose(session, OWN_PASSWORD, "yet another passphrase of mine")).statusCode).toBe(204);
    expect(await me(session)).toMatchObject({ mustChangePassword: false });
    expect(await auditActions(person.userId)).toContainEqual({
      action: "user.reset_password",
      before: null,
      after: { mustChangePassword: true },
    });
  });

  it("is cleared by no one but the person: another's password change leaves it in place", async () => {
    const heldId = await addPerson("still.held@example.org");
    const other = await buildUser(handle.db, orgId, "analyst");
    const otherSession = await signIn(app, other.email, other.password);
    expect((await choose(otherSession, other.password)).statusCode).toBe(204);
    // The change is always one's own: naming someone else is not a field of the request.
    const naming = await otherSession.request("POST", "/api/auth/password", {
      currentPassword: OWN_PASSWORD,
      newPassword: "someone else's passphrase",
      userId: heldId,
    });
    expect(naming.statusCode).toBe(400);
    const held = await signIn(app, "still.held@example.org", FIRST_PASSWORD);
    expect(await me(held)).toMatchObject({ mustChangePassword: true });
    // Nor does a wrong current password clear it.
    expect((await choose(held, "not the first secret at all")).statusCode).toBe(400);
    expect(await me(held)).toMatchObject({ mustChangePassword: true });
  });

  it("leaves the person's API tokens working: only they, or the operator at the machine, can have made them", async () => {
    const userId = await addPerson("token.owner@example.org");
    const ctx = contextFor(handle.db, {
      userId,
      email: "token.owner@example.org",
      orgId,
      role: "analyst",
      clearance: "restricted",
      platformAdmin: false,
    });
    const { token } = await createApiToken(ctx, { name: "nightly" });
    const response = await app.inject({
      method: "GET",
      url: "/api/tokens",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
  });

  it("does not hold an existing account a platform administrator adds to another organisation", async () => {
    const person = await buildUser(handle.db, orgId, "viewer");
    const otherOrg = (await buildOrganisation(handle.db)).id;
    const platformSession = await signIn(app, platform.email, platform.password);
    const added = await platformSession.request("POST", "/api/users", {
      email: person.email,
      name: "ignored",
      password: FIRST_PASSWORD,
      role: "viewer",
      clearance: "restricted",
      orgId: otherOrg,
    });
    expect(added.statusCode).toBe(201);
    expect(await me(await signIn(app, person.email, person.password))).toMatchObject({
      mustChangePassword: false,
    });
  });
});
