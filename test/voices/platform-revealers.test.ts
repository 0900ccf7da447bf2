import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { platformAdministratorsWhoReveal } from "../../src/services/voices/platform-revealers.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser } from "../support/factories.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const settingsFor = (slug: string) => loadConfig({}, { CONTINUUM_VOICES_ORG: slug }).voices;

describe("who could reveal the reporters of public reports", () => {
  it("names a platform administrator cleared in the receiving organisation, and no one elsewhere", async () => {
    const receiving = await buildOrganisation(handle.db, "civil_society");
    const operator = await buildUser(handle.db, receiving.id, "administrator", "confidential", true);
    await buildUser(handle.db, receiving.id, "desk_officer", "confidential");
    expect(await platformAdministratorsWhoReveal(handle.db, settingsFor(receiving.slug))).toEqual([
      operator.email,
    ]);
    const protecting = await buildOrganisation(handle.db, "civil_society");
    await buildUser(handle.db, protecting.id, "desk_officer", "confidential");
    expect(await platformAdministratorsWhoReveal(handle.db, settingsFor(protecting.slug))).toEqual([]);
    expect(await platformAdministratorsWhoReveal(handle.db, settingsFor("not-yet-created"))).toEqual([]);
  });
});
