import { describe, expect, it } from "vitest";
import { buildBacktestReport, type ScoredForecast } from "./backtest-report.ts";

const row = (pGt0: number, observed: number, iso3: string): ScoredForecast => ({
  forecast: {
    gwcode: 0,
    iso3,
    origin: "2018-12",
    horizon: 1,
    month: "2019-01",
    pGt0,
    pGe25: pGt0 / 2,
    mean: pGt0,
    meanLog1p: pGt0,
    q10: 0,
    q50: 0,
    q90: observed,
    drivers: [],
  },
  observed,
  pitLower: 0,
  pitUpper: 1,
  onset: observed === 0,
});

describe("the backtest report", () => {
  it("sets the model beside the best baseline, with no relative change against a baseline that was never wrong", () => {
    const report = buildBacktestReport(
      ["2018-12"],
      {
        model: [row(0.1, 0, "NOR"), row(0.8, 30, "SYR")],
        no_change: [row(0, 0, "NOR"), row(1, 30, "SYR")],
      },
      1,
      "model",
    );
    const brier = (subset: string) =>
      report.comparisons.find((c) => c.score === "brierGt0" && c.subset === subset);
    // Pooled: the model's (0.01 + 0.04) / 2 against no change's 0: a perfect baseline, nothing to divide by.
    expect(brier("pooled")).toMatchObject({ bestBaseline: "no_change", baseline: 0 });
    expect(brier("pooled")?.improvement).toBeNaN();
    expect(brier("onsets")?.improvement).toBeNaN();
    const auc = report.comparisons.find((c) => c.score === "aucGt0" && c.subset === "pooled");
    expect(auc?.improvement).toBe(0);
  });
});
