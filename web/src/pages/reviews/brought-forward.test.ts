import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { parseReasons } from "../../../../src/core/reviews/schedule.ts";
import en from "../../i18n/locales/en.json" with { type: "json" };
import fr from "../../i18n/locales/fr.json" with { type: "json" };
import { broughtForwardText } from "./brought-forward.ts";

const translator = async (language: string) => {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { en: { translation: en }, fr: { translation: fr } } });
  return instance.t;
};

describe("why a review was brought forward", () => {
  it("words the reasons the server gives in the reader's language", async () => {
    const reasons = parseReasons("forecast p_ge25 0.72 ≥ 0.5; open high alert");
    expect(broughtForwardText(reasons, await translator("en"), "en")).toBe(
      "forecast chance of 25 or more deaths 72%, at or above 50%; an open alert of severity High",
    );
    expect(broughtForwardText(reasons, await translator("fr"), "fr")).toMatch(
      /^probabilité prévue de 25 décès ou plus/,
    );
  });
});
