import { describe, expect, it } from "vitest";
import {
  countryAt,
  pointNearAnyCountry,
  pointNearCountry,
} from "../../src/repositories/voices/country-borders.ts";

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
  it("tells a point at sea from one on land or a few kilometres off a coast, across the 180th meridian too", () => {
    expect(pointNearAnyCountry(0.5, -30)).toBe(false); // the Atlantic
    expect(pointNearAnyCountry(36, 18)).toBe(false); // the Mediterranean, between Libya and Greece
    expect(pointNearAnyCountry(9.06, 7.49)).toBe(true); // Abuja
    expect(pointNearAnyCountry(6.4, 2.38)).toBe(true); // Cotonou, on the coast
    expect(pointNearAnyCountry(-17.8, 178.4)).toBe(true); // Fiji, by the 180th meridian
    expect(pointNearAnyCountry(66.5, -176)).toBe(true); // Chukotka, Russia, west of the 180th meridian
  });
});
