import i18next from "i18next";
import { describe, expect, it } from "vitest";
import ar from "../../i18n/locales/ar.json" with { type: "json" };
import en from "../../i18n/locales/en.json" with { type: "json" };
import fr from "../../i18n/locales/fr.json" with { type: "json" };
import { effectPointsText } from "./signed-points.ts";

const translator = async (language: string) => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { translation: en }, fr: { translation: fr }, ar: { translation: ar } },
  });
  return instance.t;
};

describe("a driver's effect in points", () => {
  it("keeps the French unit singular below 2, as the number is shown", async () => {
    const t = await translator("fr");
    expect(effectPointsText(1.64, t, "fr")).toBe("+1,6 point");
    expect(effectPointsText(-0.04, t, "fr")).toBe("±0,0 point");
    expect(effectPointsText(-1.96, t, "fr")).toBe("−2,0 points");
    expect(effectPointsText(42.6, t, "fr")).toBe("+42,6 points");
  });

  it("writes points in English and Arabic whatever the number", async () => {
    expect(effectPointsText(1, await translator("en"), "en")).toBe("+1.0 points");
    expect(effectPointsText(0.6, await translator("en"), "en")).toBe("+0.6 points");
    expect(effectPointsText(0.6, await translator("ar"), "ar")).toMatch(/نقطة$/);
  });
});
