import { useTranslation } from "react-i18next";
import { BusyButton } from "../../components/BusyButton.tsx";
import { FormOutcome } from "../../components/FormOutcome.tsx";
import { formValues, type ReviewWrites } from "./review-writes.ts";

/** The review's findings, in a text box while it may still be edited. */
export const FindingsSection = ({
  findings,
  editable,
  writes,
}: {
  findings: string;
  editable: boolean;
  writes: ReviewWrites;
}) => {
  const { t } = useTranslation();
  const path = `/api/reviews/${writes.reviewId}`;
  return (
    <section aria-labelledby="findings">
      <h2 id="findings">{t("reviews.findings")}</h2>
      {editable ? (
        <form
          className="stacked-form"
          onSubmit={(e) =>
            writes.mutate({ method: "PATCH", path, body: { findings: formValues(e).findings } })
          }
        >
          <textarea name="findings" rows={6} defaultValue={findings} aria-label={t("reviews.findings")} />
          <BusyButton type="submit" busy={writes.isPending}>
            {t("reviews.saveFindings")}
          </BusyButton>
          <FormOutcome {...writes.outcomeAt(path)} labels={{ findings: t("reviews.findings") }} />
        </form>
      ) : findings.trim() ? (
        <p className="prose" dir="auto">
          {findings}
        </p>
      ) : (
        <p className="muted">{t("reviews.noFindings")}</p>
      )}
    </section>
  );
};
