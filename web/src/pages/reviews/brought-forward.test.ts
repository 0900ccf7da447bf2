import i18next from "i18next";
import { describe, expect, it } from "vitest";
import en from "../../i18n/locales/en.json" with { type: "json" };
import fr from "../../i18n/locales/fr.json" with { type: "json" };
import { broughtForwardText } from "./brought-forward.ts";

const translator = async (language: string) => {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { en: { translation: en }, fr: { translation: fr } } });
  return instance.t;
};

describe("why a review was brought forward", () => {
  it("words the stored reasons in the reader's language and keeps an unknown part as stored", async () => {
    const stored = "forecast p_ge25 0.72 ≥ 0.5; open high alert; manual";
    expect(broughtForwardText(stored, await translator("en"), "en")).toBe(
      "forecast chance of 25 or more deaths 72%, at or above 50%; an open alert of severity High; manual",
    );
    expect(broughtForwardText(stored, await translator("fr"), "fr")).toMatch(
      /^probabilité prévue de 25 décès ou plus/,
    );
  });
});
