import { describe, expect, it } from "vitest";
import { free, predict, predictContributions, train } from "./xgboost.ts";

const nRows = 400;
const nCols = 3;
const features = new Float32Array(nRows * nCols);
const labels = new Float32Array(nRows);
for (let i = 0; i < nRows; i++) {
  features[i * nCols] = i % 2;
  features[i * nCols + 1] = (i * 7) % 11;
  features[i * nCols + 2] = i % 5 === 0 ? Number.NaN : 1;
  labels[i] = i % 2;
}

describe("XGBoost FFI", () => {
  const params = { objective: "binary:logistic", max_depth: 2, eta: 0.3, nthread: 1, seed: 1, verbosity: 0 };

  it("learns a separable label and predicts probabilities", () => {
    const model = train({ features, nRows, nCols, labels, params, rounds: 20 });
    const p = predict(model, features);
    expect(p).toHaveLength(nRows);
    expect(p[0]).toBeLessThan(0.1);
    expect(p[1]).toBeGreaterThan(0.9);
    free(model);
    free(model);
  });

  it("returns SHAP contributions that sum to the log-odds, plus a bias column", () => {
    const model = train({ features, nRows, nCols, labels, params, rounds: 10 });
    const p = predict(model, features.subarray(0, nCols * 2));
    const c = predictContributions(model, features.subarray(0, nCols * 2));
    expect(c).toHaveLength(2 * (nCols + 1));
    const logit = Math.log((p[1] as number) / (1 - (p[1] as number)));
    expect(c.subarray(nCols + 1).reduce((a, b) => a + b, 0)).toBeCloseTo(logit, 4);
    expect(Math.abs(c[nCols + 1] as number)).toBeGreaterThan(Math.abs(c[nCols + 2] as number));
    free(model);
  });

  it("reports XGBoost's own error message", () => {
    expect(() =>
      train({ features, nRows, nCols, labels, params: { ...params, objective: "no:such" }, rounds: 1 }),
    ).toThrow(/XGBoost/);
    const freed = train({ features, nRows, nCols, labels, params, rounds: 1 });
    free(freed);
    expect(() => predict(freed, features)).toThrow(/freed/);
  });
});
