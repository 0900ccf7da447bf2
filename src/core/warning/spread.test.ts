import { describe, expect, it } from "vitest";
import { toDensePanel } from "./panel.ts";
import { fitSpread, recentLevel, recentVolatility, spreadAt } from "./spread.ts";

const months = ["2019-01", "2019-02", "2019-03", "2019-04"];
const panel = toDensePanel([
  ...months.map((month, i) => ({ gwcode: 1, iso3: "AAA", month, sb: [0, 0, 99, 0][i] as number })),
  ...months.map((month) => ({ gwcode: 2, iso3: "BBB", month, sb: 999 })),
]);

describe("recent level and volatility", () => {
  it("takes the log1p of the mean over the window ending at the cell", () => {
    expect(recentLevel(panel, { unit: 0, month: 3 }, 3)).toBeCloseTo(Math.log1p(33), 12);
    expect(recentLevel(panel, { unit: 0, month: 1 }, 3)).toBe(0);
  });
  it("is zero for a steady war and large for a flare-up", () => {
    expect(recentVolatility(panel, { unit: 1, month: 3 })).toBe(0);
    const flare = recentVolatility(panel, { unit: 0, month: 3 });
    // log1p values 0, 0, ln 100, 0: standard deviation ln(100)·√3/4.
    expect(flare).toBeCloseTo((Math.log(100) * Math.sqrt(3)) / 4, 12);
  });
});

describe("fitSpread", () => {
  it("recovers a scale that grows with volatility", () => {
    const volatility = [0, 0, 1, 1, 2, 2];
    const residuals = [0.5, -0.5, 1.5, -1.5, 2.5, -2.5];
    const spread = fitSpread(volatility, residuals);
    expect(spread.intercept).toBeCloseTo(0.5, 12);
    expect(spread.slope).toBeCloseTo(1, 12);
    expect(spreadAt(spread, 2)).toBeCloseTo(2.5, 12);
  });
  it("never lets the scale shrink with volatility or vanish", () => {
    const spread = fitSpread([0, 1, 2], [2, 1, 0]);
    expect(spread.slope).toBe(0);
    expect(spread.intercept).toBeCloseTo(1, 12);
    expect(fitSpread([1, 1], [0, 0]).intercept).toBeGreaterThan(0);
  });
});
