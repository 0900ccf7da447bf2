import type { TFunction } from "i18next";
import type { TBroughtForwardReason } from "../../../../src/core/reviews/review.schemas.ts";
import { percent } from "../warning/warning-api.ts";

/** Why a review was brought forward, in the reader's language. */
export const broughtForwardText = (
  reasons: readonly TBroughtForwardReason[],
  t: TFunction,
  language: string,
): string =>
  reasons
    .map((reason) =>
      reason.kind === "forecast"
        ? t("reviews.reasonForecast", {
            measure: t(`reviews.reasonMeasures.${reason.measure}`),
            probability: percent(reason.probability, language),
            threshold: percent(reason.threshold, language),
          })
        : t("reviews.reasonAlert", { severity: t(`alerts.severities.${reason.severity}`) }),
    )
    .join("; ");
