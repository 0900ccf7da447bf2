import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { TFramework } from "../../../../src/core/frameworks/framework.schemas.ts";
import type { TReview, TReviewDetail } from "../../../../src/core/reviews/review.schemas.ts";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { worksOn } from "../../api/permissions.ts";
import { BackLink } from "../../components/BackLink.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { useSession } from "../../session.tsx";
import { ScenariosPanel } from "../scenarios/ScenariosPanel.tsx";
import { EvidenceSection } from "./EvidenceSection.tsx";
import { FindingsSection } from "./FindingsSection.tsx";
import { RecommendationsSection } from "./RecommendationsSection.tsx";
import { ReviewActions } from "./ReviewActions.tsx";
import { ReviewHeader } from "./ReviewHeader.tsx";
import { RiskFactorsSection } from "./RiskFactorsSection.tsx";
import { useReviewWrites } from "./review-writes.ts";

/** /reviews/:id: one review, from its evidence and risk factors to its findings and recommendations. */
export const ReviewWorkspace = () => {
  const { t } = useTranslation();
  // Asked for with the review rather than after it, so that the country is named in the reader's language at once.
  const countryNames = useCountryNames();
  const { me } = useSession();
  const { id = "" } = useParams();
  const review = useQuery({
    queryKey: ["review", id],
    queryFn: () => get<TReviewDetail>(`/api/reviews/${id}`),
  });
  const framework = useQuery({
    queryKey: ["framework", review.data?.framework.id],
    enabled: Boolean(review.data),
    queryFn: () => get<TFramework>(`/api/frameworks/${review.data?.framework.id}`),
  });
  // Only recommendations of the organisation's own reviews are followed up here; others' are shown as context.
  const countryReviews = useQuery({
    queryKey: ["reviews", review.data?.iso3],
    enabled: Boolean(review.data),
    queryFn: () => get<TReview[]>(`/api/reviews?iso3=${review.data?.iso3}`),
  });
  const writes = useReviewWrites(id);
  // The buttons of the step taken go away with it: the keyboard goes to the new status, which is read out.
  const statusRef = useRef<HTMLSpanElement>(null);
  if (review.error)
    return (
      <>
        <p>
          <BackLink to="/reviews" label={t("reviews.title")} />
        </p>
        <ErrorNote error={review.error} />
      </>
    );
  const r = review.data;
  if (!r) return <p className="loading">{t("app.loading")}</p>;
  // The server decides; these leave out the buttons it would refuse.
  const mayWrite = worksOn(me, r.ownerOrgId, "review.write");
  const editable = r.status !== "adopted" && mayWrite;
  const assessed = new Map(r.assessments.map((a) => [a.factorCode, a]));
  const factors = framework.data?.factors;
  const ownReviewIds = new Set(
    (countryReviews.data ?? []).filter((other) => other.ownerOrgId === r.ownerOrgId).map((other) => other.id),
  );
  return (
    <>
      <ReviewHeader
        review={r}
        countryName={countryNames.byIso3(r.iso3, r.countryName)}
        statusRef={statusRef}
      />
      <ReviewActions
        review={r}
        writes={writes}
        mayWrite={mayWrite}
        editable={editable}
        unassessed={(factors ?? []).filter((factor) => !assessed.has(factor.code)).length}
        factorCount={factors?.length ?? 0}
        onStatusChanged={() => statusRef.current?.focus()}
      />
      <EvidenceSection review={r} ownReviewIds={ownReviewIds} editable={editable} writes={writes} />
      <RiskFactorsSection factors={factors} assessed={assessed} editable={editable} writes={writes} />
      <FindingsSection findings={r.findings} editable={editable} writes={writes} />
      <RecommendationsSection
        recommendations={r.recommendations}
        mayWrite={mayWrite}
        editable={editable}
        writes={writes}
      />
      <ScenariosPanel iso3={r.iso3} />
    </>
  );
};
