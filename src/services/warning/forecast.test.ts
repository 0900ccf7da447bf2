import { describe, expect, it } from "vitest";
import { syntheticPanel } from "../../../test/support/synthetic-panel.ts";
import { mean } from "../../core/warning/distribution.ts";
import { backtest } from "./backtest.ts";
import { forecast, forecastWithModel } from "./forecast.ts";
import { freeForecastModel, trainForecastModel } from "./train-forecast-model.ts";

const small = { rounds: 20, residualHoldoutMonths: 24 };

describe("forecast", () => {
  const panel = syntheticPanel();
  const origin = "2012-12";
  const result = forecast(panel, origin, small);

  it("covers every country present at the origin and every horizon 1..12", () => {
    const countries = new Set(panel.rows.filter((r) => r.month === origin).map((r) => r.gwcode));
    expect(result).toHaveLength(countries.size * 12);
    for (const gwcode of countries) {
      const horizons = result.filter((f) => f.gwcode === gwcode).map((f) => f.horizon);
      expect(horizons.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    }
    expect(result.find((f) => f.horizon === 12)?.month).toBe("2013-12");
  });

  it("gives coherent probabilities, quantiles and drivers", () => {
    for (const f of result) {
      expect(f.pGt0).toBeGreaterThanOrEqual(0);
      expect(f.pGt0).toBeLessThanOrEqual(1);
      expect(f.pGe25).toBeLessThanOrEqual(f.pGt0);
      expect(f.q10).toBeLessThanOrEqual(f.q50);
      expect(f.q50).toBeLessThanOrEqual(f.q90);
      expect(f.mean).toBeGreaterThanOrEqual(0);
      for (const target of ["gt0", "ge25"]) {
        const drivers = f.drivers.filter((d) => d.target === target);
        expect(drivers.length, target).toBeGreaterThan(0);
        expect(drivers.length, target).toBeLessThanOrEqual(5);
        const sizes = drivers.map((d) => Math.abs(d.contribution));
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      }
    }
  });

  it("expects no more deaths than the distribution behind its probabilities and quantiles", () => {
    const model = trainForecastModel(panel, origin, small);
    try {
      for (const { forecast: f, distribution } of forecastWithModel(model, 0))
        expect(f.mean).toBeLessThanOrEqual(mean(distribution));
    } finally {
      freeForecastModel(model);
    }
  });

  it("does not change when data after the origin change (no leakage)", () => {
    const tampered = {
      ...panel,
      rows: panel.rows.map((r) => (r.month > origin ? { ...r, sb: r.sb * 10 + 1000 } : r)),
      countryYear: panel.countryYear?.map((r) =>
        r.year >= 2012 ? { ...r, values: { population: 1, gdppc: 1 } } : r,
      ),
    };
    expect(forecast(tampered, origin, small)).toEqual(result);
  });

  it("keeps an honest band where the data are too short to hold months out (the first years)", () => {
    // 30 months of data: too few for the 24-month hold-out, so persistence's own errors set the band.
    const early = forecast(panel, "2007-06", { ...small, maxHorizon: 1 });
    const violent = early.filter((f) => f.q50 > 0);
    expect(violent.length).toBeGreaterThan(0);
    // Before, one zero residual made the size certain: the median and q90 were the same number.
    for (const f of violent) expect(f.q90).toBeGreaterThan(f.q50 * 1.5);
  });

  it("refuses an origin the panel does not reach", () => {
    expect(() => forecast(panel, "2030-01", small)).toThrow(/origin/);
  });
});

describe("backtest", () => {
  it("scores model and baselines on the same rows, reporting progress", () => {
    const progress: [number, number, string][] = [];
    const result = backtest(syntheticPanel(), ["2011-12", "2012-06"], small, ({ done, total, label }) => {
      progress.push([done, total, label]);
    });
    const counts = Object.values(result.rows).map((rows) => rows.length);
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeGreaterThan(0);
    expect(Object.keys(result.report.methods)).toEqual([
      "xgboost_hurdle",
      "no_change",
      "last_12_months",
      "base_rate",
    ]);
    expect(result.report.methods.xgboost_hurdle?.byHorizon).toHaveLength(12);
    expect(result.report.comparisons.length).toBeGreaterThan(0);
    // Two origins × (12 months trained + scoring), moving with every month trained.
    expect(progress.at(-1)).toEqual([26, 26, "scored 2012-06"]);
    expect(progress).toContainEqual([17, 26, "retrain and forecast at 2012-06 (month 5 of 12)"]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    for (const scores of Object.values(result.report.methods)) {
      expect(scores.pooled.crps).toBeGreaterThanOrEqual(0);
      expect(scores.pooled.crpsLog1p).toBeGreaterThanOrEqual(0);
    }
  });
});
