import { useTranslation } from "react-i18next";
import { BusyButton } from "../../components/BusyButton.tsx";
import { Field } from "../../components/Field.tsx";
import { FormOutcome } from "../../components/FormOutcome.tsx";
import { formValues, type ReviewWrites } from "./review-writes.ts";

/** A recommendation to add to the review: what, to whom, and who recommends it. */
export const NewRecommendationForm = ({ writes }: { writes: ReviewWrites }) => {
  const { t } = useTranslation();
  const path = `/api/reviews/${writes.reviewId}/recommendations`;
  return (
    <form
      className="inline-form"
      aria-label={t("reviews.newRecommendation")}
      onSubmit={(e) => {
        const form = e.currentTarget;
        writes.mutate({ method: "POST", path, body: formValues(e) }, { onSuccess: () => form.reset() });
      }}
    >
      <Field label={t("reviews.recommendation")}>
        <input name="body" required minLength={3} size={50} />
      </Field>
      <Field label={t("reviews.addressedTo")}>
        <input name="addressedTo" required minLength={2} />
      </Field>
      <Field label={t("reviews.recommendedBy")}>
        <input name="recommendedBy" required minLength={2} />
      </Field>
      <BusyButton type="submit" busy={writes.isPending}>
        {t("reviews.addRecommendation")}
      </BusyButton>
      <FormOutcome
        {...writes.outcomeAt(path)}
        labels={{
          body: t("reviews.recommendation"),
          addressedTo: t("reviews.addressedTo"),
          recommendedBy: t("reviews.recommendedBy"),
        }}
      />
    </form>
  );
};
