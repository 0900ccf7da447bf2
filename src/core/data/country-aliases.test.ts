import { describe, expect, it } from "vitest";
import { foldForSearch, isoCodesByAlias } from "./country-aliases.ts";

describe("country aliases", () => {
  it("finds countries by the other names people use, ignoring case and accents", () => {
    expect(isoCodesByAlias("Burma")).toEqual(["MMR"]);
    expect(isoCodesByAlias("drc")).toEqual(["COD"]);
    expect(isoCodesByAlias("turkiye")).toEqual(["TUR"]);
    expect(isoCodesByAlias("ivory")).toEqual(["CIV"]);
    expect(isoCodesByAlias("  ")).toEqual([]);
    expect(foldForSearch("Côte d’Ivoire")).toBe("cote d’ivoire");
  });
});
