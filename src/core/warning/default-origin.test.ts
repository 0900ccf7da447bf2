import { describe, expect, it } from "vitest";
import { defaultOrigin } from "./default-origin.ts";

describe("defaultOrigin", () => {
  it("takes the latest month nearly every country has, none of last month's missing", () => {
    const coverage = [
      { month: "2020-04", countries: 2, leftOut: 189 },
      { month: "2020-03", countries: 175, leftOut: 16 },
      { month: "2020-02", countries: 188, leftOut: 3 },
      { month: "2020-01", countries: 191, leftOut: 0 },
      { month: "2019-12", countries: 191, leftOut: 0 },
    ];
    expect(defaultOrigin(coverage)).toBe("2020-01");
    // A state that split (Czechoslovakia, 1993-01) leaves one month incomplete, not every month after it.
    const split = [
      { month: "1993-01", countries: 161, leftOut: 1 },
      { month: "1992-12", countries: 160, leftOut: 0 },
    ];
    expect(defaultOrigin(split)).toBe("1992-12");
    expect(defaultOrigin([{ month: "1993-02", countries: 161, leftOut: 0 }, ...split])).toBe("1993-02");
    expect(defaultOrigin([])).toBeNull();
  });
});
