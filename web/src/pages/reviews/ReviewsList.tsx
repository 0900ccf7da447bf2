import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TReview } from "../../../../src/core/reviews/review.schemas.ts";
import { get } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import { useSession } from "../../session.tsx";
import { OpenReviewForm } from "./OpenReviewForm.tsx";
import { ReviewCycles } from "./ReviewCycles.tsx";
import { ReviewsNav } from "./ReviewsSection.tsx";
import { ReviewsTable } from "./ReviewsTable.tsx";

/** /reviews: the reviews, a form to open one, and the cycles that schedule them. */
export const ReviewsList = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const reviews = useQuery({ queryKey: ["reviews"], queryFn: () => get<TReview[]>("/api/reviews") });
  return (
    <>
      <h1>{t("reviews.title")}</h1>
      <ReviewsNav />
      <p>{t("reviews.intro")}</p>
      {reviews.data?.length === 0 && <p>{t("reviews.empty")}</p>}
      {reviews.data && reviews.data.length > 0 && <ReviewsTable reviews={reviews.data} />}
      {allows(me, "review.write") ? <OpenReviewForm /> : <p className="muted">{t("reviews.whoWrites")}</p>}
      <ReviewCycles />
    </>
  );
};
