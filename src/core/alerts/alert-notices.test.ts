import { describe, expect, it } from "vitest";
import { alertMessageText, noticeLanguage } from "./alert-messages.ts";
import { writeAlertNotice } from "./alert-notices.ts";

const deadline = new Date("2026-03-02T09:30:00Z");
const person = {
  iso3: "MLI",
  countryName: "Mali",
  countryIso2: "ML",
  severity: "high" as const,
  deadline,
  summary: "Troops massing near Gao",
  message: null,
};
const rule = {
  ...person,
  summary: "stored English wording",
  message: {
    key: "forecast_threshold" as const,
    probability: 0.62,
    measure: "p_ge25" as const,
    month: "2026-04",
    threshold: 0.5,
  },
};

describe("alert notices", () => {
  it("writes each notice in the reader's language, a person's summary as written", () => {
    const en = writeAlertNotice({ kind: "assigned", alert: person, by: "Amina", note: "" }, "en");
    expect(en.subject).toBe("[Continuum] Alert for Mali handed to you: Troops massing near Gao");
    expect(en.body).toBe(
      'Amina handed you the alert "Troops massing near Gao" (high).\n\nDecision due by 2026-03-02 09:30 UTC.',
    );
    const fr = writeAlertNotice({ kind: "raised", alert: person, source: "person" }, "fr");
    expect(fr.body).toContain("(émise par une personne). Pays : Mali.");
    expect(
      writeAlertNotice({ kind: "raised", alert: person, source: "rule: Forecast above 50%" }, "ar").body,
    ).toContain("(قاعدة: Forecast above 50%)");
    expect(fr.subject).toBe("[Continuum] Alerte élevée – Mali : Troops massing near Gao");
    expect(fr.body).toContain("Décision attendue le 2026-03-02 09:30 UTC.");
    const ar = writeAlertNotice(
      { kind: "moved", alert: person, by: "Amina", status: "closed", note: "Done" },
      "ar",
    );
    expect(ar.subject).toBe("[Continuum] التنبيه بشأن مالي: مغلق");
    expect(ar.body).toContain("Done");
  });

  it("words the platform's own alerts, not their stored English summary", () => {
    const fr = writeAlertNotice(
      {
        kind: "escalated",
        alert: rule,
        level: 2,
        reached: "administrators",
        owner: "UN desk",
        status: "acknowledged",
      },
      "fr",
    );
    expect(fr.subject).toBe(
      "[Continuum] EN RETARD : alerte élevée – Mali, décision attendue le 2026-03-02 09:30 UTC",
    );
    expect(fr.body).toContain(
      "Prévision : probabilité de 62\u00a0% de 25 morts ou plus en 2026-04 (seuil 50\u00a0%)",
    );
    expect(fr.body).toContain("(niveau 2) : transmise aux administrateurs de l’organisation.");
    expect(fr.body).not.toContain("stored English wording");
    expect(alertMessageText(rule.message, "Mali")).toBe(
      "Forecast: 62% probability of 25 or more deaths in 2026-04 (threshold 50%)",
    );
  });

  it("names the alert's country in the reader's language, in the subject and in the platform's wording", () => {
    const surge = {
      ...person,
      iso3: "BFA",
      countryName: "Burkina Faso",
      countryIso2: "BF",
      message: {
        key: "voices_surge" as const,
        count: 6,
        month: "2026-11",
        baselineMonths: 6,
        ratio: null,
        baseline: null,
      },
    };
    const en = writeAlertNotice({ kind: "raised", alert: surge, source: "voices" }, "en");
    expect(en.subject).toMatch(
      /^\[Continuum\] HIGH alert for Burkina Faso: 6 verified community reports in Burkina Faso/,
    );
    const ar = writeAlertNotice(
      { kind: "moved", alert: surge, by: "Amina", status: "closed", note: "" },
      "ar",
    );
    expect(ar.subject).toBe("[Continuum] التنبيه بشأن بوركينا فاسو: مغلق");
    const unnamed = { ...person, iso3: "XXX", countryName: null, countryIso2: null };
    expect(writeAlertNotice({ kind: "raised", alert: unnamed, source: "person" }, "fr").subject).toContain(
      "– XXX :",
    );
  });

  it("writes English for a language it has no words for", () => {
    expect(noticeLanguage("pt-BR")).toBe("en");
    expect(noticeLanguage("ar")).toBe("ar");
  });
});

describe("surge messages", () => {
  const surge = { key: "voices_surge" as const, count: 6, month: "2026-11", baselineMonths: 6 };
  it("give the baseline and the ratio when the months before hold enough reports to show", () => {
    expect(alertMessageText({ ...surge, ratio: 3, baseline: 2 }, "Central African Republic")).toBe(
      "6 verified community reports in Central African Republic in 2026-11, 3.0× the 6-month baseline (2.0).",
    );
  });
  it("leave out a baseline of a few reports, which every organisation would read", () => {
    expect(
      alertMessageText({ ...surge, ratio: null, baseline: null }, "République centrafricaine", "fr"),
    ).toBe(
      "6 signalements communautaires vérifiés en 2026-11 (République centrafricaine), après peu ou aucun au cours des 6 mois précédents.",
    );
  });
});
