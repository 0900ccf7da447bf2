import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeKey } from "../../src/core/voices/gazetteer.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { BUNDLED_DATA_DIR } from "../../src/repositories/data/bundled-catalogue.ts";
import { findGazetteerKeys } from "../../src/repositories/voices/gazetteer.repository.ts";
import { systemDataContext } from "../../src/services/data/data-context.ts";
import { importDataset } from "../../src/services/data/import-dataset.ts";
import { buildGazetteer } from "../../src/services/voices/build-gazetteer.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, contextFor } from "../support/factories.ts";
import { tempDir } from "../support/temp-dir.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ withBundledData: true });
});
afterAll(() => handle.close());

describe("the place-name gazetteer", () => {
  it("names places from the shared events only, never from an organisation's own", async () => {
    const rows = Papa.parse<Record<string, string>>(
      gunzipSync(
        readFileSync(join(BUNDLED_DATA_DIR, "ucdp_ged_events/ged_events_4countries_1989_2019.csv.gz")),
      ).toString("utf8"),
      { header: true, skipEmptyLines: true },
    ).data.slice(0, 3);
    const file = join(tempDir("gazetteer"), "own-events.csv");
    writeFileSync(file, Papa.unparse(rows.map((row) => ({ ...row, adm_1: "Zzyzx province" }))));
    const org = await buildOrganisation(handle.db);
    const admin = await buildUser(handle.db, org.id, "administrator");
    const report = await importDataset(
      { ...systemDataContext(handle), actorLabel: "analyst@example.org", orgId: org.id, via: "api" },
      { kind: "ged", file, datasetId: "field-events" },
    );
    expect(report.ok).toBe(true);
    await buildGazetteer(contextFor(handle.db, admin));
    expect(await findGazetteerKeys(handle.db, [placeKey("Zzyzx province")], undefined)).toEqual([]);
    expect(
      (await findGazetteerKeys(handle.db, [placeKey(rows[0]?.adm_1 ?? "")], undefined)).length,
    ).toBeGreaterThan(0);
  });

  it("knows countries by their names in French and Arabic", async () => {
    const org = await buildOrganisation(handle.db);
    await buildGazetteer(contextFor(handle.db, await buildUser(handle.db, org.id, "administrator")));
    const named = { Syrie: "SYR", سوريا: "SYR", "Soudan du Sud": "SSD", "جنوب السودان": "SSD" };
    for (const [name, iso3] of Object.entries(named)) {
      const found = await findGazetteerKeys(handle.db, [placeKey(name)], undefined);
      expect({ name, places: found.map((place) => place.iso3) }).toEqual({ name, places: [iso3] });
    }
  });

  it("is rebuilt on request only by an administrator", async () => {
    const org = await buildOrganisation(handle.db);
    const analyst = await buildUser(handle.db, org.id, "analyst");
    await expect(buildGazetteer(contextFor(handle.db, analyst))).rejects.toThrow(/does not allow/);
  });
});
