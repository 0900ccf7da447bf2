import { describe, expect, it } from "vitest";
import { defaultReviewTitle } from "./review-title.ts";

const car = { iso3: "CAF", name: "Central African Republic", iso2: "CF" };

describe("a review's default title", () => {
  it("names the country and the cycle in the writer's language", () => {
    expect(defaultReviewTitle(car, "Cycle 2026", "en")).toBe("Central African Republic: Cycle 2026");
    expect(defaultReviewTitle(car, "Cycle 2026", "fr")).toBe("République centrafricaine : Cycle 2026");
    expect(defaultReviewTitle(car, undefined, "fr")).toBe("République centrafricaine : examen de pays");
    expect(defaultReviewTitle(car, undefined, "ar")).toBe("جمهورية أفريقيا الوسطى: استعراض قُطري");
  });

  it("writes English for a language the server does not write in, and the code for a country without a name", () => {
    expect(defaultReviewTitle(car, undefined, "de")).toBe("Central African Republic: country review");
    expect(defaultReviewTitle({ iso3: "XYZ", name: null, iso2: null }, undefined, "fr")).toBe(
      "XYZ : examen de pays",
    );
  });
});
