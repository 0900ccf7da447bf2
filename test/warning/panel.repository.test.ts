import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { panelDatasetVersions } from "../../src/repositories/warning/model-provenance.ts";
import {
  loadConflictYears,
  loadPeaceAgreements,
  loadWarningPanel,
  panelCoverage,
  panelCoverageQuery,
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

type PlanNode = { "Rows Removed by Join Filter"?: number; Plans?: PlanNode[] };
const rowsDiscardedByJoins = (node: PlanNode): number =>
  (node["Rows Removed by Join Filter"] ?? 0) +
  (node.Plans ?? []).reduce((sum, child) => sum + rowsDiscardedByJoins(child), 0);

describe("the months a forecast may start from", () => {
  it("counts each month's countries and those the month before had that it lacks", async () => {
    // Serbia and Montenegro (345) ends in 2006-06, a month after Serbia (340) and Montenegro (341) begin.
    expect(await panelCoverage(handle.db, 3, "2006-07")).toEqual([
      { month: "2006-07", countries: 189, leftOut: 1 },
      { month: "2006-06", countries: 190, leftOut: 0 },
      { month: "2006-05", countries: 188, leftOut: 0 },
    ]);
  });

  it("compares each country-month with the country's next one, not with every other", async () => {
    // Every early-warning page asks for this; on the embedded engine a query holds up every other request.
    type Explained = [{ Plan: PlanNode }];
    const explained = await sql<{ "QUERY PLAN": string | Explained }>`
      EXPLAIN (ANALYZE, FORMAT JSON) ${panelCoverageQuery(36, "9999-12")}`.execute(handle.db);
    // PostgreSQL's driver parses the JSON; the embedded engine may hand it over as text.
    const cell = explained.rows[0]?.["QUERY PLAN"] ?? "[]";
    const plan = (typeof cell === "string" ? (JSON.parse(cell) as Explained) : cell)[0]?.Plan;
    expect(plan).toBeDefined();
    // 191 countries over 37 months: a pairwise join discards millions of rows.
    expect(rowsDiscardedByJoins(plan ?? {})).toBeLessThan(191 * 37);
  });
});
