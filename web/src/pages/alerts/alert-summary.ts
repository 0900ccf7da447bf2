import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { TAlertMessage } from "../../../../src/core/alerts/alert.schemas.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { ltr, ltrDates } from "../../i18n/index.ts";
import { percent } from "../warning/warning-api.ts";

type Summarised = { iso3: string; summary: string; message?: TAlertMessage | null };

/**
 * An alert's summary in the reader's language: the platform's own alerts carry their message as a key and
 * figures, worded here; a person's summary is shown as written.
 */
export const useAlertSummary = () => {
  const { t, i18n } = useTranslation();
  const names = useCountryNames();
  return useCallback(
    ({ iso3, summary, message }: Summarised): string => {
      if (!message) return ltrDates(summary);
      const language = i18n.language;
      const count = (n: number, digits = 0) =>
        new Intl.NumberFormat(language, {
          maximumFractionDigits: digits,
          minimumFractionDigits: digits,
        }).format(n);
      const pct = (p: number) => percent(p, language);
      const key = `alerts.messages.${message.key}`;
      switch (message.key) {
        case "forecast_threshold":
          return t(key, {
            probability: pct(message.probability),
            measure: t(`alerts.messages.measure_${message.measure}`),
            month: ltr(message.month),
            threshold: pct(message.threshold),
          });
        case "forecast_jump":
          return t(key, {
            measure: t(`alerts.messages.measure_${message.measure}`),
            from: pct(message.from),
            to: pct(message.to),
            previousOrigin: ltr(message.previousOrigin),
          });
        case "fatalities_above_range":
          return t(key, {
            fatalities: count(message.fatalities),
            month: ltr(message.month),
            months: count(message.months),
            previousHighest: count(message.previousHighest),
          });
        case "risk_factor_severe":
          return t(key, { factorCode: ltr(message.factorCode) });
        case "voices_surge":
          return message.ratio === null || message.baseline === null
            ? t(`${key}_quiet`, {
                count: message.count,
                country: names.byIso3(iso3),
                month: ltr(message.month),
                baselineMonths: message.baselineMonths,
              })
            : t(key, {
                count: message.count,
                country: names.byIso3(iso3),
                month: ltr(message.month),
                ratio: count(message.ratio, 1),
                baselineMonths: message.baselineMonths,
                baseline: count(message.baseline, 1),
              });
      }
    },
    [t, i18n.language, names],
  );
};
