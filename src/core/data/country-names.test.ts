import { describe, expect, it } from "vitest";
import { countryNameIn } from "./country-names.ts";

const burkina = { iso3: "BFA", name: "Burkina Faso", iso2: "BF" };

describe("country names", () => {
  it("writes the registry's name in English and Intl's in other languages", () => {
    expect(countryNameIn({ iso3: "CIV", name: "Côte d'Ivoire", iso2: "CI" }, "en")).toBe("Côte d'Ivoire");
    expect(countryNameIn(burkina, "ar")).toBe("بوركينا فاسو");
    expect(countryNameIn({ iso3: "DEU", name: "Germany", iso2: "DE" }, "fr")).toBe("Allemagne");
  });

  it("names Kosovo, which has no ISO code, and falls back to the English name or the code", () => {
    expect(countryNameIn({ iso3: "XKX", name: "Kosovo", iso2: null }, "ar")).toBe("كوسوفو");
    expect(countryNameIn({ iso3: "YUG", name: "Yugoslavia", iso2: null }, "fr")).toBe("Yugoslavia");
    expect(countryNameIn({ iso3: "ZZZ", name: null, iso2: null }, "fr")).toBe("ZZZ");
  });
});
