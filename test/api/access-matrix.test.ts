import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Clearance, clearances, type Role, roles } from "../../src/core/access/vocabulary.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { type ApiSession, signIn, testApp } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser } from "../support/factories.ts";

/**
 * Every role × clearance × own/other organisation against every route family. Expectations are written
 * out as data here, independently of the policies module, so a change of rule shows up as a failing row.
 */
const writers: readonly Role[] = ["administrator", "analyst", "desk_officer"];
const administrators: readonly Role[] = ["administrator"];

type RecordName = "public" | "restricted" | "confidential" | "confidentialShared";
type Seat = { org: "owner" | "other"; clearance: Clearance };

/** Which seats may read each record of the owner organisation (the other organisation is the sharing partner). */
const readers: Record<RecordName, (seat: Seat) => boolean> = {
  public: () => true,
  restricted: (s) => s.org === "owner" && s.clearance !== "public",
  confidential: (s) => s.org === "owner" && s.clearance === "confidential",
  confidentialShared: (s) => s.clearance === "confidential",
};

let handle: DatabaseHandle;
let app: App;
const records = {} as Record<RecordName, string>;
const orgIds = { owner: "", other: "" };
const sessions: { role: Role; seat: Seat; session: ApiSession }[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await testApp(handle.db);
  orgIds.owner = (await buildOrganisation(handle.db)).id;
  orgIds.other = (await buildOrganisation(handle.db)).id;
  const author = await buildUser(handle.db, orgIds.owner, "analyst", "confidential");
  const authorSession = await signIn(app, author.email, author.password);
  const create = async (clearance: Clearance, title: string) =>
    (await authorSession.request("POST", "/api/analyses", { title, clearance, body: `${title} body` })).json()
      .id as string;
  records.public = await create("public", "Public outlook");
  records.restricted = await create("restricted", "Restricted assessment");
  records.confidential = await create("confidential", "Confidential scenario");
  records.confidentialShared = await create("confidential", "Confidential shared scenario");
  await authorSession.request("PUT", `/api/analyses/${records.confidentialShared}/shares`, {
    orgIds: [orgIds.other],
  });

  for (const org of ["owner", "other"] as const) {
    for (const role of roles) {
      for (const clearance of clearances) {
        const user = await buildUser(handle.db, orgIds[org], role, clearance);
        sessions.push({
          role,
          seat: { org, clearance },
          session: await signIn(app, user.email, user.password),
        });
      }
    }
  }
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

const label = (role: Role, seat: Seat) => `${role}/${seat.clearance}/${seat.org}`;

describe("access-control matrix", () => {
  it("refuses every route family without a session (401)", async () => {
    const calls: [string, string][] = [
      ["GET", "/api/analyses"],
      ["POST", "/api/analyses"],
      ["GET", `/api/analyses/${records.public}`],
      ["GET", "/api/organisations"],
      ["POST", "/api/organisations"],
      ["GET", "/api/users"],
      ["GET", "/api/audit-log"],
      ["GET", "/api/audit-log/facets"],
      ["POST", "/api/tokens"],
    ];
    for (const [method, url] of calls) {
      const response = await app.inject({
        method: method as "GET",
        url,
        payload: method === "POST" ? {} : undefined,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("shows each record only to the seats cleared for it: 200 or 404, and the same in lists and search", async () => {
    for (const { role, seat, session } of sessions) {
      const listed = new Set(
        ((await session.request("GET", "/api/analyses")).json() as { id: string }[]).map((a) => a.id),
      );
      const found = new Set(
        ((await session.request("GET", "/api/analyses?q=scenario")).json() as { id: string }[]).map(
          (a) => a.id,
        ),
      );
      for (const [name, id] of Object.entries(records) as [RecordName, string][]) {
        const expected = readers[name](seat);
        const status = (await session.request("GET", `/api/analyses/${id}`)).statusCode;
        expect(status, `${label(role, seat)} reads ${name}`).toBe(expected ? 200 : 404);
        expect(listed.has(id), `${label(role, seat)} lists ${name}`).toBe(expected);
        if (name.startsWith("confidential"))
          expect(found.has(id), `${label(role, seat)} finds ${name}`).toBe(expected);
      }
    }
  });

  it("lets only writers create, and only the owner's writers change or share", async () => {
    for (const { role, seat, session } of sessions) {
      const who = label(role, seat);
      const isWriter = writers.includes(role);
      const created = await session.request("POST", "/api/analyses", {
        title: `By ${who}`,
        clearance: "public",
      });
      expect(created.statusCode, `${who} creates`).toBe(isWriter ? 201 : 403);

      const patchPublic = await session.request("PATCH", `/api/analyses/${records.public}`, {
        body: `edited by ${who}`,
      });
      expect(patchPublic.statusCode, `${who} edits the public record`).toBe(
        isWriter && seat.org === "owner" ? 200 : 403,
      );

      const canRead = readers.restricted(seat);
      const share = await session.request("PUT", `/api/analyses/${records.restricted}/shares`, {
        orgIds: [],
      });
      expect(share.statusCode, `${who} shares the restricted record`).toBe(
        !canRead ? 404 : isWriter ? 200 : 403,
      );
    }
  });

  it("keeps organisation, people and audit-log administration to administrators", async () => {
    for (const { role, seat, session } of sessions) {
      const who = label(role, seat);
      const isAdmin = administrators.includes(role);
      expect(
        (await session.request("GET", "/api/organisations")).statusCode,
        `${who} lists organisations`,
      ).toBe(200);
      const newOrg = {
        slug: `x-${role}-${seat.org}-${seat.clearance}`.replaceAll("_", "-"),
        name: "Excluded",
        kind: "donor",
      };
      expect(
        (await session.request("POST", "/api/organisations", newOrg)).statusCode,
        `${who} adds an organisation`,
      ).toBe(403);
      expect((await session.request("GET", "/api/users")).statusCode, `${who} lists people`).toBe(
        isAdmin ? 200 : 403,
      );
      expect((await session.request("GET", "/api/audit-log")).statusCode, `${who} reads the audit log`).toBe(
        isAdmin ? 200 : 403,
      );
      expect(
        (await session.request("GET", "/api/audit-log/facets")).statusCode,
        `${who} reads the audit log's facets`,
      ).toBe(isAdmin ? 200 : 403);
      const person = {
        email: `p-${role}-${seat.org}-${seat.clearance}@example.org`,
        name: "P",
        password: "twelve chars min",
        role: "viewer",
        // Every administrator may grant public clearance; higher levels only up to their own.
        clearance: "public",
      };
      const ownOrg = await session.request("POST", "/api/users", { ...person, orgId: orgIds[seat.org] });
      expect(ownOrg.statusCode, `${who} adds a person to their organisation`).toBe(isAdmin ? 201 : 403);
      const foreign = seat.org === "owner" ? orgIds.other : orgIds.owner;
      const otherOrg = await session.request("POST", "/api/users", {
        ...person,
        email: `q${person.email}`,
        orgId: foreign,
      });
      expect(otherOrg.statusCode, `${who} adds a person to another organisation`).toBe(403);
      expect(
        (await session.request("POST", "/api/tokens", { name: "robot" })).statusCode,
        `${who} makes a token`,
      ).toBe(201);
    }
  });
});
