import { describe, expect, it } from "vitest";
import {
  cdf,
  cdfBelow,
  crps,
  empiricalDistribution,
  exceedance,
  mean,
  meanLog1p,
  quantile,
} from "./distribution.ts";

describe("empirical fatality distribution", () => {
  const d = empiricalDistribution([0, 0, 9, 99]);
  it("has an atom at zero and atoms at past values", () => {
    expect(d.p0).toBe(0.5);
    expect(quantile(d, 0.1)).toBe(0);
    expect(quantile(d, 0.5)).toBe(0);
    expect(quantile(d, 0.75)).toBeCloseTo(9, 9);
    expect(quantile(d, 0.9)).toBeCloseTo(99, 9);
  });
  it("CDF below and at an observed value bracket its PIT", () => {
    expect(cdf(d, 0)).toBe(0.5);
    expect(cdfBelow(d, 0)).toBe(0);
    expect(cdf(d, 9)).toBeCloseTo(0.75, 12);
    expect(cdfBelow(d, 9)).toBeCloseTo(0.5, 12);
    expect(cdf(d, 1000)).toBe(1);
  });
  it("mean, E[log1p] and exceedance", () => {
    expect(mean(d)).toBeCloseTo(27, 9);
    expect(meanLog1p(d)).toBeCloseTo((Math.log(10) + Math.log(100)) / 4, 12);
    expect(exceedance(d, 25)).toBeCloseTo(0.25, 12);
  });
});

describe("continuous hurdle distribution", () => {
  const d = { p0: 0.6, sample: Float64Array.from([-1, 0, 1]), shift: 3, continuous: true };
  it("interpolates the positive part and never goes below one death", () => {
    expect(quantile(d, 0.5)).toBe(0);
    expect(quantile(d, 0.8)).toBeCloseTo(Math.expm1(3), 9);
    const low = { ...d, shift: -5 };
    expect(quantile(low, 0.99)).toBeGreaterThanOrEqual(1);
  });
});

describe("CRPS", () => {
  it("is the absolute error for a point mass", () => {
    expect(crps(empiricalDistribution([5]), 2)).toBeCloseTo(3, 12);
    expect(crps(empiricalDistribution([0]), 7)).toBe(7);
    expect(crps(empiricalDistribution([5]), 2, true)).toBeCloseTo(Math.log(6) - Math.log(3), 12);
  });
  it("matches Σ_k (F(k) − 1{y ≤ k})² for counts", () => {
    const d = empiricalDistribution([0, 0, 3, 9, 1, 0]);
    for (const y of [0, 1, 2, 5, 20]) {
      let direct = 0;
      for (let k = 0; k < 40; k++) direct += (cdf(d, k) - (y <= k ? 1 : 0)) ** 2;
      expect(crps(d, y)).toBeCloseTo(direct, 9);
    }
  });
});
