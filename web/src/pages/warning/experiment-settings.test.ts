import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { referenceOrigins } from "../../../../src/core/warning/backtest-report.ts";
import ar from "../../i18n/locales/ar.json" with { type: "json" };
import en from "../../i18n/locales/en.json" with { type: "json" };
import fr from "../../i18n/locales/fr.json" with { type: "json" };
import { experimentSettings } from "./experiment-settings.ts";

const translator = async (language: string) => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { translation: en }, fr: { translation: fr }, ar: { translation: ar } },
  });
  return instance.t;
};

const words = { span: "SPAN", origins: "ORIGINS" };
const reference = { maxHorizon: 12, origins: [...referenceOrigins] };

describe("what a backtest experiment changed", () => {
  it("names the model settings in the reader's words, with numbers written their way", async () => {
    const run = { ...reference, changedSettings: { rounds: 1000, eta: 0.05 } };
    expect(experimentSettings(run, words, await translator("en"), "en")).toBe(
      "1,000 boosting rounds, learning rate 0.05",
    );
    expect(experimentSettings(run, words, await translator("fr"), "fr")).toBe(
      "1\u202f000 tours de boosting, taux d'apprentissage 0,05",
    );
    const arabic = experimentSettings(run, words, await translator("ar"), "ar");
    expect(arabic).not.toMatch(/rounds|eta/);
  });

  it("says one round in the singular, and a setting it has no words for by its API name", async () => {
    const run = { ...reference, changedSettings: { rounds: 1, levelMonths: 6 } };
    expect(experimentSettings(run, words, await translator("en"), "en")).toBe(
      "1 boosting round, levelMonths 6",
    );
  });

  it("adds a horizon short of 12 months and origins other than the reference ones", async () => {
    const run = { maxHorizon: 3, origins: ["2018-12"], changedSettings: { maxDepth: 6 } };
    expect(experimentSettings(run, words, await translator("en"), "en")).toBe(
      "trees 6 levels deep, SPAN, ORIGINS",
    );
  });
});
