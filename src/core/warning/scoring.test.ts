import { describe, expect, it } from "vitest";
import {
  averagePrecision,
  brier,
  intervalCoverage,
  logLoss,
  meanRatio,
  mseLog1p,
  pinballLog1p,
  randomisedPitCoverage,
  reliabilityBins,
  rocAuc,
} from "./scoring.ts";

const y = [0, 0, 1, 1];
const p = [0.1, 0.4, 0.35, 0.8];

describe("discrimination", () => {
  it("AUC counts correctly ordered positive–negative pairs (3 of 4)", () => {
    expect(rocAuc(y, p)).toBeCloseTo(0.75, 12);
  });
  it("AUC gives ties half credit and is NaN with one class", () => {
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
  });
  it("average precision: 0.5 × 1 + 0.5 × 2/3", () => {
    expect(averagePrecision(y, p)).toBeCloseTo(0.5 + 0.5 * (2 / 3), 12);
  });
});

describe("calibration scores", () => {
  it("Brier and log loss on two forecasts", () => {
    expect(brier([1, 0], [0.8, 0.3])).toBeCloseTo((0.04 + 0.09) / 2, 12);
    expect(logLoss([1, 0], [0.8, 0.3])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
  });
  it("log loss of a certain miss is large but finite", () => {
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1e-6), 6);
  });
  it("reliability bins group by predicted probability", () => {
    const bins = reliabilityBins([0, 1, 0], [0.05, 0.15, 0.12]);
    expect(bins).toHaveLength(2);
    expect(bins[0]).toMatchObject({ lower: 0, count: 1, observedRate: 0 });
    expect(bins[1]?.count).toBe(2);
    expect(bins[1]?.meanPredicted).toBeCloseTo(0.135, 12);
    expect(bins[1]?.observedRate).toBe(0.5);
  });
});

describe("count scores on log1p", () => {
  it("MSE compares log1p(observed) with a log-scale point forecast", () => {
    expect(mseLog1p([0, Math.E - 1], [0, 0])).toBeCloseTo(0.5, 12);
  });
  it("pinball loss weighs under- and over-forecasts by τ and 1 − τ", () => {
    expect(pinballLog1p([Math.E - 1], [0], 0.9)).toBeCloseTo(0.9, 12);
    expect(pinballLog1p([0], [Math.E - 1], 0.9)).toBeCloseTo(0.1, 12);
  });
  it("interval coverage includes both ends", () => {
    expect(intervalCoverage([0, 5, 10], [0, 0, 0], [4, 4, 10])).toBeCloseTo(2 / 3, 12);
  });
  it("randomised PIT coverage counts the share of the PIT range inside [0.1, 0.9]", () => {
    expect(randomisedPitCoverage([0], [0.5])).toBeCloseTo(0.8, 12);
    expect(randomisedPitCoverage([0.5, 0.95], [0.5, 0.95])).toBeCloseTo(0.5, 12);
  });
  it("mean ratio is total predicted over total observed", () => {
    expect(meanRatio([1, 3], [2, 4])).toBeCloseTo(1.5, 12);
  });
});
