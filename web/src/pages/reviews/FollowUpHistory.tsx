import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TFollowUp } from "../../../../src/core/reviews/review.schemas.ts";
import { ltr } from "../../i18n/index.ts";

/** What each later cycle found of a recommendation, oldest first, each linked to the review that recorded it. */
export function FollowUpHistory({ history }: { history: readonly TFollowUp[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return null;
  return (
    <ul className="follow-up-history" aria-label={t("reviews.followUpHistory")}>
      {history.map((f) => (
        <li key={`${f.reviewId ?? ""}-${f.recordedAt}`}>
          {t("reviews.followUpEntry", {
            date: ltr(f.recordedAt.slice(0, 10)),
            level: t(`reviews.implementationLevels.${f.implementation}`),
          })}{" "}
          {f.reviewId && <Link to={`/reviews/${f.reviewId}`}>{f.cycleName ?? t("reviews.laterReview")}</Link>}
          {f.note && (
            <>
              {" "}
              <bdi>{f.note}</bdi>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
