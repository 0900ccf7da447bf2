import { useTranslation } from "react-i18next";
import { implementationLevels, type TRecommendation } from "../../../../src/core/reviews/review.schemas.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { Field } from "../../components/Field.tsx";
import { FormOutcome } from "../../components/FormOutcome.tsx";
import { ltr } from "../../i18n/index.ts";
import { formValues, type ReviewWrites } from "./review-writes.ts";

/** How far one of the organisation's earlier recommendations was carried out, as this review finds it. */
export const FollowUpForm = ({
  recommendation: rec,
  recorded,
  writes,
}: {
  recommendation: TRecommendation;
  /** What this review has recorded of it so far. */
  recorded: TRecommendation | undefined;
  writes: ReviewWrites;
}) => {
  const { t } = useTranslation();
  const path = `/api/reviews/recommendations/${rec.id}/follow-up`;
  return (
    <form
      className="inline-form"
      onSubmit={(e) =>
        writes.mutate({ method: "POST", path, body: { ...formValues(e), reviewId: writes.reviewId } })
      }
    >
      <span>
        <bdi>{rec.body}</bdi>{" "}
        <span className="muted">
          (<bdi>{rec.addressedTo}</bdi>; {t(`reviews.responses.${rec.response}`)})
        </span>
        {recorded?.implementation && recorded.followedUpAt && (
          <span className="ok" data-testid="follow-up-recorded">
            {" "}
            {t("reviews.followUpRecorded", {
              level: t(`reviews.implementationLevels.${recorded.implementation}`),
              date: ltr(recorded.followedUpAt.slice(0, 10)),
            })}
            {recorded.followUpNote && ` ${recorded.followUpNote}`}
          </span>
        )}
      </span>
      <ChoiceField
        label={t("reviews.implementation")}
        name="implementation"
        choices={implementationLevels}
        defaultValue={recorded?.implementation ?? rec.implementation ?? "not_started"}
        wording={(level) => t(`reviews.implementationLevels.${level}`)}
      />
      <Field label={t("alerts.note")}>
        <input name="note" defaultValue={recorded?.followUpNote ?? ""} />
      </Field>
      <BusyButton type="submit" busy={writes.isPending}>
        {t(recorded ? "reviews.changeFollowUp" : "reviews.followUp")}
      </BusyButton>
      <FormOutcome {...writes.outcomeAt(path)} />
    </form>
  );
};
