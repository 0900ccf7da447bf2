import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import {
  administersOrg,
  assertMayGrant,
  can,
  canChange,
  canSee,
  grantableClearances,
  mayAdoptReview,
  mayChangeMembership,
  mayWorkOn,
  type ProtectedRecord,
} from "./policies.ts";

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: "u1",
  email: "a@example.org",
  orgId: "org-a",
  role: "analyst",
  clearance: "restricted",
  platformAdmin: false,
  ...overrides,
});

const record = (overrides: Partial<ProtectedRecord> = {}): ProtectedRecord => ({
  ownerOrgId: "org-a",
  clearance: "restricted",
  sharedWith: [],
  ...overrides,
});

describe("canSee", () => {
  it("opens public records to every organisation", () => {
    expect(canSee(actor({ orgId: "org-b", clearance: "public" }), record({ clearance: "public" }))).toBe(
      true,
    );
  });

  it("keeps restricted records inside the owner and the organisations it shared with", () => {
    expect(canSee(actor(), record())).toBe(true);
    expect(canSee(actor({ orgId: "org-b" }), record())).toBe(false);
    expect(canSee(actor({ orgId: "org-b" }), record({ sharedWith: ["org-b"] }))).toBe(true);
  });

  it("needs confidential clearance for confidential records, even in the owning organisation", () => {
    expect(canSee(actor(), record({ clearance: "confidential" }))).toBe(false);
    expect(canSee(actor({ clearance: "confidential" }), record({ clearance: "confidential" }))).toBe(true);
  });

  it("gives platform administrators no reading right", () => {
    expect(canSee(actor({ orgId: "org-b", platformAdmin: true, clearance: "confidential" }), record())).toBe(
      false,
    );
  });
});

describe("can and canChange", () => {
  it("lets viewers read but not write", () => {
    expect(can(actor({ role: "viewer" }), "analysis.write")).toBe(false);
    expect(can(actor({ role: "viewer" }), "organisation.read")).toBe(true);
  });

  it("reserves organisation creation for platform administrators", () => {
    expect(can(actor({ role: "administrator" }), "organisation.create")).toBe(false);
    expect(can(actor({ role: "administrator", platformAdmin: true }), "organisation.create")).toBe(true);
  });

  it("gives a platform administrator acting with a low role only the platform's own actions", () => {
    const viewer = actor({ role: "viewer", clearance: "confidential", platformAdmin: true });
    for (const action of ["voices.reveal", "voices.reply", "alert.decide", "review.write"] as const) {
      expect(can(viewer, action), action).toBe(false);
    }
    expect(canChange(viewer, record({ clearance: "confidential" }), "review.write")).toBe(false);
    expect(can(viewer, "member.manage")).toBe(true);
    expect(can(viewer, "framework.edit")).toBe(true);
  });

  it("lets only the owning organisation change a shared record", () => {
    const shared = record({ sharedWith: ["org-b"] });
    expect(canChange(actor(), shared, "analysis.write")).toBe(true);
    expect(canChange(actor({ orgId: "org-b" }), shared, "analysis.write")).toBe(false);
  });
});

describe("working on an organisation's own work", () => {
  it("is for that organisation's people whose role grants the action, platform administrators included", () => {
    expect(mayWorkOn(actor({ role: "desk_officer" }), "org-a", "alert.decide")).toBe(true);
    expect(mayWorkOn(actor(), "org-a", "alert.decide")).toBe(false);
    expect(mayWorkOn(actor({ role: "desk_officer", orgId: "org-b" }), "org-a", "alert.decide")).toBe(false);
    expect(
      mayWorkOn(
        actor({ role: "administrator", orgId: "org-b", platformAdmin: true }),
        "org-a",
        "alert.decide",
      ),
    ).toBe(false);
  });

  it("leaves a review's adoption to someone other than the person who submitted it", () => {
    const review = { ownerOrgId: "org-a", submittedById: "u1" };
    expect(mayAdoptReview(actor({ role: "desk_officer" }), review)).toBe(false);
    expect(mayAdoptReview(actor({ role: "desk_officer", userId: "u2" }), review)).toBe(true);
    expect(mayAdoptReview(actor({ userId: "u2" }), review)).toBe(false);
    expect(mayAdoptReview(actor({ role: "desk_officer" }), { ...review, submittedById: null })).toBe(true);
  });
});

describe("administering an organisation's people", () => {
  it("keeps an organisation administrator to their own people and at most their own clearance", () => {
    const admin = actor({ role: "administrator" });
    expect(administersOrg(admin, "org-a")).toBe(true);
    expect(administersOrg(admin, "org-b")).toBe(false);
    expect(grantableClearances(admin)).toEqual(["public", "restricted"]);
    expect(() => assertMayGrant(admin, "confidential")).toThrow(/at most your own/);
  });

  it("leaves a platform administrator's membership, and one cleared higher, to those who may change it", () => {
    const admin = actor({ role: "administrator" });
    const member = { orgId: "org-a", clearance: "restricted" as const };
    expect(mayChangeMembership(admin, member, { platformAdmin: false })).toBe(true);
    expect(mayChangeMembership(admin, member, { platformAdmin: true })).toBe(false);
    expect(
      mayChangeMembership(admin, { ...member, clearance: "confidential" }, { platformAdmin: false }),
    ).toBe(false);
    expect(mayChangeMembership(admin, { ...member, orgId: "org-b" }, { platformAdmin: false })).toBe(false);
    expect(mayChangeMembership({ ...admin, platformAdmin: true }, member, { platformAdmin: true })).toBe(
      true,
    );
  });

  it("lets a platform administrator administer any organisation and grant any clearance", () => {
    const platform = actor({ role: "administrator", platformAdmin: true, clearance: "public" });
    expect(administersOrg(platform, "org-b")).toBe(true);
    expect(grantableClearances(platform)).toContain("confidential");
  });
});
