import { describe, expect, it } from "vitest";
import { addMonths } from "../shared/months.ts";
import { buildFeatureGrid } from "./features.ts";
import { toDensePanel } from "./panel.ts";
import { gatherHorizonRows, horizonFeatureNames, seasonFeatureNames } from "./season-features.ts";

// Three years of a country violent every July (month 6 of each year), in April 2001 and in March 2002.
const values = Array.from({ length: 36 }, (_, m) => (m % 12 === 6 || m === 15 || m === 26 ? 3 : 0));
const panel = toDensePanel(
  values.map((sb, i) => ({ gwcode: 1, iso3: "AAA", month: addMonths("2000-01", i), sb })),
);
const grid = buildFeatureGrid(panel);

const seasonAt = (month: number, horizon: number): number[] => {
  const { features, nCols } = gatherHorizonRows(grid, panel, [{ unit: 0, month }], horizon);
  expect(nCols).toBe(horizonFeatureNames(grid).length);
  return Array.from(features.subarray(grid.nFeatures));
};

describe("season features", () => {
  it("follow the grid's features under their own names", () => {
    expect(horizonFeatureNames(grid).slice(grid.nFeatures)).toEqual([...seasonFeatureNames]);
  });

  it("read the target month's calendar month in past years", () => {
    // From 2002-12 (month 35): July 2003 is 7 months ahead; both past Julys (and 2000's) were violent.
    const [share, near, excess] = seasonAt(35, 7);
    expect(share).toBe(1);
    // Junes, Julys and Augusts of 2000–2002: 3 violent of 9.
    expect(near).toBeCloseTo(3 / 9, 6);
    // 5 violent months in the 36 known.
    expect(excess).toBeCloseTo(1 - 5 / 36, 6);
    // January 2003, one month ahead: no January was violent.
    expect(seasonAt(35, 1)[0]).toBe(0);
  });

  it("never read a month after the cell's own", () => {
    // From 2001-03 (month 14), 12 months ahead: the same month a year before is the cell's own month, and the
    // violent April 2001 after it is not read although the panel holds it.
    const [share, near] = seasonAt(14, 12);
    expect(share).toBe(0);
    // March 2000 and 2001 (calm), February 2000 and 2001, April 2000: 0 of 5 violent.
    expect(near).toBe(0);
    const atJuly = seasonAt(5, 1); // From 2000-06, July 2000 ahead: no July known yet.
    expect(Number.isNaN(atJuly[0])).toBe(true);
  });
});
