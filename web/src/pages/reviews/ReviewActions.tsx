import { useTranslation } from "react-i18next";
import type { TReviewDetail } from "../../../../src/core/reviews/review.schemas.ts";
import { type Language, languages } from "../../../../src/core/shared/languages.ts";
import { adopts } from "../../api/permissions.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { useSession } from "../../session.tsx";
import type { ReviewWrites } from "./review-writes.ts";

/** The brief is written on the server in the platform's own languages; others read it in English. */
const briefLanguage = (code: string): Language => languages.find((language) => language === code) ?? "en";

/** The steps the review may take next, a fresh evidence pack, and its exports. */
export const ReviewActions = ({
  review,
  writes,
  mayWrite,
  editable,
  unassessed,
  factorCount,
  onStatusChanged,
}: {
  review: TReviewDetail;
  writes: ReviewWrites;
  mayWrite: boolean;
  editable: boolean;
  unassessed: number;
  factorCount: number;
  onStatusChanged: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  // Four eyes: whoever submitted a review leaves its adoption to a colleague.
  const mayAdopt = adopts(me, review);
  const submittedByMe = review.submittedById === me.user.id;
  const id = writes.reviewId;
  const brief = `/api/reviews/${id}/export?format=html&lang=${briefLanguage(i18n.language)}`;
  const move = (to: string) =>
    writes.mutate(
      { method: "POST", path: `/api/reviews/${id}/status`, body: { to } },
      { onSuccess: onStatusChanged },
    );
  return (
    <>
      <p className="inline-form">
        {review.status === "draft" && mayWrite && (
          <button type="button" onClick={() => move("in_review")}>
            {t("reviews.submit")}
          </button>
        )}
        {review.status === "in_review" && mayAdopt && (
          <button type="button" onClick={() => move("adopted")}>
            {t("reviews.adopt")}
          </button>
        )}
        {review.status === "in_review" && mayWrite && (
          <button type="button" onClick={() => move("draft")}>
            {t("reviews.backToDraft")}
          </button>
        )}
        {review.status === "in_review" && !mayAdopt && (
          <span className="muted">{t(submittedByMe ? "reviews.colleagueAdopts" : "reviews.whoAdopts")}</span>
        )}
        {review.status !== "adopted" && unassessed > 0 && (
          <span className="stale-note">
            {t("reviews.unassessedBeforeAdopt", { count: unassessed, total: factorCount })}
          </span>
        )}
        {editable && (
          <button
            type="button"
            onClick={() => writes.mutate({ method: "POST", path: `/api/reviews/${id}/evidence` })}
          >
            {t("reviews.refreshEvidence")}
          </button>
        )}
        <a href={brief} target="_blank" rel="noreferrer">
          {t("reviews.exportHtml")}
        </a>
        {/* The same brief kept as a file, to send or file away, named after its country and language. */}
        <a href={brief} download={`review-${review.iso3}-${briefLanguage(i18n.language)}.html`}>
          {t("reviews.downloadHtml")}
        </a>
        <a href={`/api/reviews/${id}/export?format=json`} download={`review-${review.iso3}.json`}>
          {t("reviews.exportJson")}
        </a>
      </p>
      <ErrorNote
        error={writes.errorAt(`/api/reviews/${id}/status`) ?? writes.errorAt(`/api/reviews/${id}/evidence`)}
      />
    </>
  );
};
