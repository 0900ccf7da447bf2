import { useTranslation } from "react-i18next";
import {
  confidences,
  riskLevels,
  type TAssessment,
  trends,
} from "../../../../src/core/reviews/review.schemas.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { Field } from "../../components/Field.tsx";
import { FormOutcome } from "../../components/FormOutcome.tsx";
import { formValues, type ReviewWrites } from "./review-writes.ts";

/** The review's assessment of one risk factor: level, trend, confidence, a note and a link to evidence. */
export const AssessmentForm = ({
  factorCode,
  assessment,
  writes,
}: {
  factorCode: string;
  assessment: TAssessment | undefined;
  writes: ReviewWrites;
}) => {
  const { t } = useTranslation();
  const path = `/api/reviews/${writes.reviewId}/assessments/${encodeURIComponent(factorCode)}`;
  return (
    <form
      className="inline-form"
      aria-label={t("reviews.assessFactor", { code: factorCode })}
      onSubmit={(e) => {
        const v = formValues(e);
        writes.mutate({
          method: "PUT",
          path,
          body: {
            level: v.level,
            trend: v.trend,
            confidence: v.confidence,
            note: v.note,
            // A new link joins the earlier ones (a link to the same address replaces its label);
            // a label without an address is sent as it is, for the server to name what is missing.
            evidenceLinks: [
              ...(assessment?.evidenceLinks ?? []).filter((l) => l.url !== v.url),
              ...(v.url || v.label ? [{ label: v.label || v.url, url: v.url }] : []),
            ],
            // The assessment this edit began from: the server refuses the save if someone changed it meanwhile.
            basedOn: assessment?.assessedAt ?? null,
          },
        });
      }}
    >
      <ChoiceField
        label={t("reviews.level")}
        name="level"
        choices={riskLevels}
        defaultValue={assessment?.level ?? ""}
        wording={(level) => t(`reviews.levels.${level}`)}
        placeholder={t("reviews.chooseLevel")}
      />
      <ChoiceField
        label={t("reviews.trend")}
        name="trend"
        choices={trends}
        defaultValue={assessment?.trend ?? "unknown"}
        wording={(trend) => t(`reviews.trends.${trend}`)}
      />
      <ChoiceField
        label={t("reviews.confidence")}
        name="confidence"
        choices={confidences}
        defaultValue={assessment?.confidence ?? ""}
        wording={(confidence) => t(`reviews.confidences.${confidence}`)}
        placeholder={t("reviews.chooseConfidence")}
      />
      <Field label={t("reviews.assessmentNote")}>
        <textarea name="note" rows={2} cols={40} defaultValue={assessment?.note ?? ""} />
      </Field>
      <Field label={t("reviews.linkLabel")}>
        <input name="label" />
      </Field>
      <Field label={t("reviews.linkUrl")}>
        <input name="url" type="url" />
      </Field>
      <BusyButton type="submit" busy={writes.isPending}>
        {t("reviews.saveAssessment")}
      </BusyButton>
      <FormOutcome
        {...writes.outcomeAt(path)}
        labels={{
          note: t("reviews.assessmentNote"),
          "evidenceLinks.label": t("reviews.linkLabel"),
          "evidenceLinks.url": t("reviews.linkUrl"),
        }}
      />
    </form>
  );
};
