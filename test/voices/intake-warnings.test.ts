import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { intakeWarnings } from "../../src/services/voices/intake-warnings.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser } from "../support/factories.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const settingsFor = (slug: string) => loadConfig({}, { CONTINUUM_VOICES_ORG: slug }).voices;

describe("what a starting server says of public intake", () => {
  it("names a platform administrator cleared in the receiving organisation, and a receiving organisation that does not exist", async () => {
    const receiving = await buildOrganisation(handle.db, "civil_society");
    const operator = await buildUser(handle.db, receiving.id, "administrator", "confidential", true);
    await buildUser(handle.db, receiving.id, "desk_officer", "confidential");
    expect(await intakeWarnings(handle.db, settingsFor(receiving.slug))).toEqual([
      expect.stringContaining(`where platform administrator ${operator.email} can reveal reporters`),
    ]);
    const protecting = await buildOrganisation(handle.db, "civil_society");
    await buildUser(handle.db, protecting.id, "desk_officer", "confidential");
    expect(await intakeWarnings(handle.db, settingsFor(protecting.slug))).toEqual([]);
    expect(await intakeWarnings(handle.db, settingsFor("not-yet-created"))).toEqual([
      expect.stringMatching(
        /^public reports go to "not-yet-created", which does not exist: they are refused/,
      ),
    ]);
  });
});
