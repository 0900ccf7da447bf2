import type { TAlertMessage } from "./alert.schemas.ts";

/** The languages the server writes in (summaries, notifications); a person using the app in another reads English. */
const noticeLanguages = ["en", "fr", "ar"] as const;
export type NoticeLanguage = (typeof noticeLanguages)[number];

export const noticeLanguage = (code: string): NoticeLanguage =>
  noticeLanguages.find((language) => language === code) ?? "en";

/** Puts `values` into a template's `{name}` places. */
export const fillTemplate = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");

type Measure = "p_ge25" | "p_gt0";

/** The web app words the same messages from its locale files; these serve the summary column and e-mails. */
const phrases: Record<
  NoticeLanguage,
  Record<TAlertMessage["key"] | "voices_surge_quiet", string> & { measure: Record<Measure, string> }
> = {
  en: {
    forecast_threshold: "Forecast: {probability} probability of {measure} in {month} (threshold {threshold})",
    forecast_jump: "Forecast jump: {measure} from {from} to {to} since the run from {previousOrigin}",
    fatalities_above_range:
      "{fatalities} deaths in {month}, above the highest month of the previous {months} ({previousHighest})",
    risk_factor_severe: "Risk factor {factorCode} assessed as severe in a country review",
    voices_surge:
      "{count} verified community reports in {country} in {month}, {ratio}× the {baselineMonths}-month baseline ({baseline}).",
    voices_surge_quiet:
      "{count} verified community reports in {country} in {month}, after few or none in the {baselineMonths} months before.",
    measure: { p_ge25: "25 or more deaths", p_gt0: "any fatal violence" },
  },
  fr: {
    forecast_threshold:
      "Prévision : probabilité de {probability} de {measure} en {month} (seuil {threshold})",
    forecast_jump:
      "Hausse de la prévision : {measure}, de {from} à {to} depuis la prévision établie à {previousOrigin}",
    fatalities_above_range:
      "{fatalities} morts en {month}, plus que le mois le plus meurtrier des {months} précédents ({previousHighest})",
    risk_factor_severe: "Facteur de risque {factorCode} jugé grave lors d’un examen de pays",
    voices_surge:
      "{count} signalements communautaires vérifiés en {month} ({country}), soit {ratio} fois la référence des {baselineMonths} mois précédents ({baseline}).",
    voices_surge_quiet:
      "{count} signalements communautaires vérifiés en {month} ({country}), après peu ou aucun au cours des {baselineMonths} mois précédents.",
    measure: { p_ge25: "25 morts ou plus", p_gt0: "violence meurtrière" },
  },
  ar: {
    forecast_threshold: "التوقع: احتمال {probability} لـ{measure} في {month} (العتبة {threshold})",
    forecast_jump:
      "قفزة في التوقع: {measure} من {from} إلى {to} منذ التوقع المبني على بيانات حتى {previousOrigin}",
    fatalities_above_range:
      "{fatalities} حالة وفاة في {month}، أكثر من أشد الأشهر الـ{months} السابقة ({previousHighest})",
    risk_factor_severe: "قُيِّم عامل الخطر {factorCode} بأنه شديد في استعراض قُطري",
    voices_surge:
      "{count} بلاغات مجتمعية موثقة في {country} في {month}، أي {ratio} ضعف خط الأساس للأشهر الـ{baselineMonths} السابقة ({baseline}).",
    voices_surge_quiet:
      "{count} بلاغات مجتمعية موثقة في {country} في {month}، بعد عدد قليل أو لا شيء خلال الأشهر الـ{baselineMonths} السابقة.",
    measure: { p_ge25: "25 حالة وفاة أو أكثر", p_gt0: "أي عنف مميت" },
  },
};

const figures = (message: TAlertMessage, language: NoticeLanguage): Record<string, string> => {
  const percent = (p: number) =>
    new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(p);
  const count = (n: number, digits = 0) =>
    new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      n,
    );
  const measure = (m: Measure) => phrases[language].measure[m];
  switch (message.key) {
    case "forecast_threshold":
      return {
        probability: percent(message.probability),
        measure: measure(message.measure),
        month: message.month,
        threshold: percent(message.threshold),
      };
    case "forecast_jump":
      return {
        measure: measure(message.measure),
        from: percent(message.from),
        to: percent(message.to),
        previousOrigin: message.previousOrigin,
      };
    case "fatalities_above_range":
      return {
        fatalities: count(message.fatalities),
        month: message.month,
        months: count(message.months),
        previousHighest: count(message.previousHighest),
      };
    case "risk_factor_severe":
      return { factorCode: message.factorCode };
    case "voices_surge":
      return {
        count: count(message.count),
        month: message.month,
        ratio: message.ratio === null ? "" : count(message.ratio, 1),
        baselineMonths: count(message.baselineMonths),
        baseline: message.baseline === null ? "" : count(message.baseline, 1),
      };
  }
};

/**
 * What a platform-raised alert says, in one of the notice languages (English is stored as its summary), about
 * the country named as that language names it.
 */
export const alertMessageText = (
  message: TAlertMessage,
  country: string,
  language: NoticeLanguage = "en",
): string => {
  const phrase =
    message.key === "voices_surge" && message.ratio === null ? "voices_surge_quiet" : message.key;
  return fillTemplate(phrases[language][phrase], { country, ...figures(message, language) });
};
