import { describe, expect, it } from "vitest";
import { symlogAxis } from "./symlog-axis.ts";

describe("the deaths axis of the fan chart", () => {
  it("starts at the tick below the smallest value when the values stay far from 0", () => {
    expect(symlogAxis(650, 5900)).toEqual({ domain: [500, 10000], ticks: [500, 1000, 2000, 5000, 10000] });
  });

  it("starts at 0 when the values come near it, with the finest steps that fit ten ticks", () => {
    expect(symlogAxis(0, 40)).toEqual({ domain: [0, 50], ticks: [0, 1, 2, 5, 10, 20, 50] });
    expect(symlogAxis(3, 100000).ticks).toEqual([3, 10, 30, 100, 300, 1000, 3000, 10000, 30000, 100000]);
  });

  it("gives a country without deaths an axis from 0 to 1", () => {
    expect(symlogAxis(0, 0)).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });
});
