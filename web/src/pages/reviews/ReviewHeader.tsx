import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import { translated } from "../../../../src/core/frameworks/framework.schemas.ts";
import type { TReviewDetail } from "../../../../src/core/reviews/review.schemas.ts";
import { BackLink } from "../../components/BackLink.tsx";
import { ltr } from "../../i18n/index.ts";

/** The review's title, its status and clearance, the country and the framework it follows. */
export const ReviewHeader = ({
  review,
  countryName,
  statusRef,
}: {
  review: TReviewDetail;
  countryName: string;
  statusRef: RefObject<HTMLSpanElement | null>;
}) => {
  const { t, i18n } = useTranslation();
  const { framework } = review;
  const frameworkTitle = translated(framework.title, framework.titleTranslations, i18n.language);
  return (
    <>
      <p>
        <BackLink to="/reviews" label={t("reviews.title")} />
      </p>
      <h1>{review.title}</h1>
      <p>
        <span className="badge" data-testid="review-status" ref={statusRef} tabIndex={-1} aria-live="polite">
          {t(`reviews.statuses.${review.status}`)}
        </span>{" "}
        <span className={`badge ${review.clearance}`}>{t(`clearance.${review.clearance}`)}</span>{" "}
        {countryName} · {frameworkTitle} ({framework.version})
        {review.adoptedAt &&
          ` · ${t("reviews.adoptedBy", { name: review.adoptedBy, date: ltr(review.adoptedAt.slice(0, 10)) })}`}
      </p>
    </>
  );
};
