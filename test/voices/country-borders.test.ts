import { describe, expect, it } from "vitest";
import { countryAt, pointNearCountry } from "../../src/repositories/voices/country-borders.ts";

const NIGERIA = 566;

describe("country borders (Natural Earth 1:50m)", () => {
  it("places a point in its country, with slack at the border, and none at sea", () => {
    expect(pointNearCountry(NIGERIA, 9.06, 7.49)).toBe(true); // Abuja
    // Near Jibia: the 1:50m border puts this point in Niger, a few kilometres off; the slack accepts it.
    expect(countryAt(13.12, 7.22)).toBe(562);
    expect(pointNearCountry(NIGERIA, 13.12, 7.22)).toBe(true);
    expect(pointNearCountry(NIGERIA, 9, -5)).toBe(false); // Côte d'Ivoire
    expect(countryAt(0, -30)).toBeUndefined(); // the Atlantic
    expect(pointNearCountry(999, 0, 0)).toBeUndefined();
  });
});
