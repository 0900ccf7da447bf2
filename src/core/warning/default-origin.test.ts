import { describe, expect, it } from "vitest";
import { defaultOrigin } from "./default-origin.ts";

describe("defaultOrigin", () => {
  it("takes the latest month nearly every country has, passing over partial updates", () => {
    const coverage = [
      { month: "2020-04", countries: 2 },
      { month: "2020-03", countries: 175 },
      { month: "2020-02", countries: 190 },
      { month: "2020-01", countries: 191 },
    ];
    expect(defaultOrigin(coverage)).toBe("2020-02");
    expect(defaultOrigin(coverage.slice(1, 2))).toBe("2020-03");
    expect(defaultOrigin([])).toBeNull();
  });
});
