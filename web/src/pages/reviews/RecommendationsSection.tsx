import { useTranslation } from "react-i18next";
import type { TRecommendation } from "../../../../src/core/reviews/review.schemas.ts";
import { FormOutcome } from "../../components/FormOutcome.tsx";
import { FollowUpHistory } from "./FollowUpHistory.tsx";
import { NewRecommendationForm } from "./NewRecommendationForm.tsx";
import type { ReviewWrites } from "./review-writes.ts";

const responsePath = (rec: TRecommendation) => `/api/reviews/recommendations/${rec.id}/response`;

/** The review's recommendations, the response to each, and how each was followed up since. */
export const RecommendationsSection = ({
  recommendations,
  mayWrite,
  editable,
  writes,
}: {
  recommendations: readonly TRecommendation[];
  mayWrite: boolean;
  editable: boolean;
  writes: ReviewWrites;
}) => {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recommendations">
      <h2 id="recommendations">{t("reviews.recommendations")}</h2>
      {recommendations.length === 0 && !editable && <p className="muted">{t("reviews.noRecommendations")}</p>}
      <ol className="recommendations">
        {recommendations.map((rec) => (
          <li key={rec.id}>
            <bdi id={`recommendation-${rec.id}`}>{rec.body}</bdi>{" "}
            <span className="muted">
              {t("reviews.addressedTo")} <bdi>{rec.addressedTo}</bdi> · {t("reviews.recommendedBy")}{" "}
              <bdi>{rec.recommendedBy}</bdi> · {t(`reviews.responses.${rec.response}`)}
            </span>{" "}
            {rec.response === "pending" &&
              mayWrite &&
              (["supported", "noted"] as const).map((response) => (
                <button
                  key={response}
                  type="button"
                  aria-describedby={`recommendation-${rec.id}`}
                  onClick={() =>
                    writes.mutate({ method: "POST", path: responsePath(rec), body: { response } })
                  }
                >
                  {t(`reviews.responses.${response}`)}
                </button>
              ))}
            <FormOutcome {...writes.outcomeAt(responsePath(rec))} />
            <FollowUpHistory history={rec.history} />
          </li>
        ))}
      </ol>
      {editable && <NewRecommendationForm writes={writes} />}
    </section>
  );
};
