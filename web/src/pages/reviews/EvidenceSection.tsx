import { useTranslation } from "react-i18next";
import type { TReviewDetail } from "../../../../src/core/reviews/review.schemas.ts";
import { EvidencePack } from "./EvidencePack.tsx";
import { FollowUpForm } from "./FollowUpForm.tsx";
import { FollowUpHistory } from "./FollowUpHistory.tsx";
import { RecordedFollowUps } from "./RecordedFollowUps.tsx";
import type { ReviewWrites } from "./review-writes.ts";

/** The evidence the review is based on, and what became of the country's earlier recommendations. */
export const EvidenceSection = ({
  review,
  ownReviewIds,
  editable,
  writes,
}: {
  review: TReviewDetail;
  /** The reviews of the organisation that owns this one. */
  ownReviewIds: ReadonlySet<string>;
  editable: boolean;
  writes: ReviewWrites;
}) => {
  const { t } = useTranslation();
  const { evidence } = review;
  return (
    <section aria-labelledby="evidence">
      <h2 id="evidence">{t("reviews.evidence")}</h2>
      {evidence && <EvidencePack evidence={evidence} iso3={review.iso3} />}
      {/* Whoever reads without the forms (an adopted review, or a desk officer about to adopt one) sees what
          this review found of the earlier recommendations. */}
      {!editable && review.followUps.length > 0 && <RecordedFollowUps followUps={review.followUps} />}
      {evidence && evidence.openRecommendations.length > 0 && editable && (
        <>
          <h3>{t("reviews.earlierRecommendations")}</h3>
          {evidence.openRecommendations.map((rec) => {
            if (!ownReviewIds.has(rec.reviewId))
              return (
                <p key={rec.id}>
                  <bdi>{rec.body}</bdi>{" "}
                  <span className="muted">
                    (<bdi>{rec.addressedTo}</bdi>; {t("reviews.otherOrganisation")})
                  </span>
                </p>
              );
            // The evidence pack is a snapshot: what this review recorded comes from the live record.
            const recorded = review.followUps.find((f) => f.id === rec.id);
            return (
              <div key={`${rec.id}-${recorded?.followedUpAt ?? ""}`}>
                <FollowUpForm recommendation={rec} recorded={recorded} writes={writes} />
                {/* What earlier cycles found of it, so this one's finding follows on from theirs. */}
                <FollowUpHistory history={rec.history.filter((f) => f.reviewId !== review.id)} />
              </div>
            );
          })}
        </>
      )}
    </section>
  );
};
