import type { TFunction } from "i18next";
import { percent } from "../warning/warning-api.ts";

/**
 * Why a review was brought forward, in the reader's language. The server stores the reasons as
 * `forecast p_ge25 0.72 ≥ 0.5; open high alert`; a part it does not recognise is shown as stored.
 */
export const broughtForwardText = (reason: string, t: TFunction, language: string): string =>
  reason
    .split("; ")
    .map((part) => {
      const forecast = /^forecast (p_gt0|p_ge25) ([\d.]+) ≥ ([\d.]+)$/.exec(part);
      if (forecast)
        return t("reviews.reasonForecast", {
          measure: t(`reviews.reasonMeasures.${forecast[1]}`),
          probability: percent(Number(forecast[2]), language),
          threshold: percent(Number(forecast[3]), language),
        });
      const alert = /^open (low|medium|high|critical) alert$/.exec(part);
      return alert ? t("reviews.reasonAlert", { severity: t(`alerts.severities.${alert[1]}`) }) : part;
    })
    .join("; ");
