import { randomBytes } from "node:crypto";
import type { Actor } from "../../src/core/access/actor.ts";
import type { Clearance, OrganisationKind, Role } from "../../src/core/access/vocabulary.ts";
import type { Db } from "../../src/db/types.ts";
import {
  insertOrganisation,
  type OrganisationRecord,
} from "../../src/repositories/organisations.repository.ts";
import { insertUser, upsertMembership } from "../../src/repositories/users.repository.ts";
import { hashPassword } from "../../src/services/auth/secrets.ts";
import type { ServiceContext } from "../../src/services/shared/context.ts";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

const suffix = () => randomBytes(4).toString("hex");

export const buildOrganisation = (
  db: Db,
  kind: OrganisationKind = "regional_organisation",
): Promise<OrganisationRecord> => {
  const slug = `org-${suffix()}`;
  return insertOrganisation(db, { slug, name: `Organisation ${slug}`, kind });
};

export type TestUser = Actor & { password: string };

/** A person with one membership; all test users share one password so hashing runs once per file. */
export const buildUser = async (
  db: Db,
  orgId: string,
  role: Role,
  clearance: Clearance = "restricted",
  platformAdmin = false,
): Promise<TestUser> => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${role}-${suffix()}@example.org`;
  const user = await insertUser(db, {
    email,
    name: `Test ${role}`,
    passwordHash: await passwordHash,
    platformAdmin,
  });
  await upsertMembership(db, { userId: user.id, orgId, role, clearance });
  return { userId: user.id, email, orgId, role, clearance, platformAdmin, password: TEST_PASSWORD };
};

export const contextFor = (db: Db, actor: Actor, now: () => Date = () => new Date()): ServiceContext => ({
  db,
  actor,
  via: "api",
  actorLabel: actor.email,
  now,
});

type TestCountry = string | { iso3: string; name: string; iso2: string };

/**
 * Registry rows for a few countries, enough for records that must name a known country: a code alone is
 * named by its code, a country given with its names is named as the registry would.
 */
export const buildCountries = async (db: Db, countries: readonly TestCountry[]): Promise<void> => {
  await db
    .insertInto("datasets")
    .values({ id: "test-countries", kind: "registry", title: "Test countries", version: "1" })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  await db
    .insertInto("countries")
    .values(
      countries.map((country) => ({
        ...(typeof country === "string" ? { iso3: country, name: country } : country),
        iso_status: "current",
        independent: true,
        dataset_id: "test-countries",
        dataset_version: "1",
      })),
    )
    .onConflict((oc) => oc.column("iso3").doNothing())
    .execute();
};
