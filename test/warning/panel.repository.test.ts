import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { panelDatasetVersions } from "../../src/repositories/warning/model-provenance.ts";
import {
  loadConflictYears,
  loadPeaceAgreements,
  loadWarningPanel,
} from "../../src/repositories/warning/panel.repository.ts";
import { sharedDatasetIds } from "../../src/services/data/shared-datasets.ts";
import { createTestDatabase } from "../support/database.ts";

const shared = sharedDatasetIds();

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ withBundledData: true });
}, 120_000);
afterAll(() => handle.close());

describe("the forecaster's conflict and peace history", () => {
  it("holds only years that ended by the origin, each conflict in every country it was fought in", async () => {
    const upToNovember = await loadConflictYears(handle.db, "2000-11", shared);
    expect(Math.max(...upToNovember.map((c) => c.year))).toBe(1999);
    const upToDecember = await loadConflictYears(handle.db, "2000-12", shared);
    expect(Math.max(...upToDecember.map((c) => c.year))).toBe(2000);
    // Eritrea–Ethiopia 2000 was fought on both territories (gwno_loc "530, 531").
    const war = upToDecember.filter((c) => c.year === 2000 && c.type === 2 && c.intensity === 2);
    expect(war.map((c) => c.gwcode).sort()).toEqual(expect.arrayContaining([530, 531]));
  });

  it("holds peace agreements signed by the end of the origin month, once per country", async () => {
    const agreements = await loadPeaceAgreements(handle.db, "2019-11", shared);
    expect(agreements.every((a) => a.month <= "2019-11")).toBe(true);
    const later = await loadPeaceAgreements(handle.db, "2019-12", shared);
    expect(later.some((a) => a.month === "2019-12")).toBe(true);
    // Paid 1333 (Cameroon and Nigeria, gwno "471, 475") counts for both.
    const bakassi = later.filter((a) => a.month === "2006-06" && (a.gwcode === 471 || a.gwcode === 475));
    expect(new Set(bakassi.map((a) => a.gwcode))).toEqual(new Set([471, 475]));
  });

  it("reaches the model with the other panel parts, and the run records the conflict dataset's version", async () => {
    const { panel } = await loadWarningPanel(handle.db, "2019-12", ["population"], shared);
    expect(panel.conflicts?.length).toBeGreaterThan(2000);
    expect(panel.conflicts?.every((c) => c.year <= 2019 && c.year >= 1946)).toBe(true);
    const versions = await panelDatasetVersions(handle.db, shared);
    expect(panel.agreements?.length).toBeGreaterThan(300);
    expect(versions.map((v) => v.kind)).toEqual(expect.arrayContaining(["acd", "peace-agreements"]));
  });
});
