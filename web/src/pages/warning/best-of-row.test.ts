import { describe, expect, it } from "vitest";
import { bestOfRow } from "./best-of-row.ts";

describe("the best value of a backtest row", () => {
  it("follows the way each score improves", () => {
    expect(bestOfRow("aucGt0", [0.93, 0.88, 0.5])).toEqual([true, false, false]);
    expect(bestOfRow("brierGt0", [0.05, 0.04, 0.1])).toEqual([false, true, false]);
    expect(bestOfRow("meanRatio", [0.5, 1.5, 12])).toEqual([false, true, false]);
    expect(bestOfRow("coverage80", [0.95, 0.78, 0.6])).toEqual([false, true, false]);
  });

  it("marks nothing where fewer than two methods can be compared, nor where all read alike", () => {
    // Baselines that forecast no deaths after calm months are no rival for the model's ratio.
    expect(bestOfRow("meanRatio", [0.4, 0, 0])).toEqual([false, false, false]);
    expect(bestOfRow("meanRatio", [0.4, 0, 6])).toEqual([true, false, false]);
    expect(bestOfRow("aucGt0", [0.9, null, null])).toEqual([false, false, false]);
    expect(bestOfRow("brierGt0", [0.12341, 0.12339, 0.2])).toEqual([true, true, false]);
    expect(bestOfRow("brierGt0", [0, 0, 0])).toEqual([false, false, false]);
  });
});
