import { useTranslation } from "react-i18next";
import type { TAlertRuleDefinition } from "../../../../src/core/alerts/alert.schemas.ts";
import { percent } from "../warning/warning-api.ts";

/** What a rule watches for, in one sentence of the reader's language. */
export const useRuleWords = () => {
  const { t, i18n } = useTranslation();
  const pct = (p: number) => percent(p, i18n.language);
  const measure = (m: "p_ge25" | "p_gt0") => t(`alerts.messages.measure_${m}`);
  return (d: TAlertRuleDefinition): string => {
    const key = `alertSetup.watches.${d.kind}`;
    switch (d.kind) {
      case "forecast_threshold":
        return t(key, {
          measure: measure(d.measure),
          threshold: pct(d.threshold),
          months: d.maxHorizon,
          age: d.maxDataAgeMonths,
        });
      case "forecast_jump":
        return t(key, {
          measure: measure(d.measure),
          points: Math.round(d.increase * 100),
          months: d.maxHorizon,
          age: d.maxDataAgeMonths,
        });
      case "fatalities_above_range":
        return t(key, { lookback: d.lookbackMonths, minimum: d.minFatalities, age: d.maxDataAgeMonths });
      case "risk_factor_severe":
        return d.factorCodes.length
          ? t(key, { codes: d.factorCodes.join(", ") })
          : t("alertSetup.watches.risk_factor_severe_any");
      case "report_surge":
        return t(key, { count: d.minReports, days: d.windowDays });
      case "missed_commitment":
        return t(key, { days: d.graceDays });
    }
  };
};
