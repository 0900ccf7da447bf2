import { useTranslation } from "react-i18next";
import type { TRecommendation } from "../../../../src/core/reviews/review.schemas.ts";
import { ltr } from "../../i18n/index.ts";

/** Earlier recommendations as an adopted review recorded their follow-up. */
export const RecordedFollowUps = ({ followUps }: { followUps: readonly TRecommendation[] }) => {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t("reviews.earlierRecommendations")}</h3>
      <ul>
        {followUps.map((rec) => (
          <li key={rec.id} data-testid="follow-up-recorded">
            <bdi>{rec.body}</bdi>{" "}
            <span className="muted">
              (<bdi>{rec.addressedTo}</bdi>)
            </span>{" "}
            {rec.implementation &&
              rec.followedUpAt &&
              t("reviews.followUpRecorded", {
                level: t(`reviews.implementationLevels.${rec.implementation}`),
                date: ltr(rec.followedUpAt.slice(0, 10)),
              })}
            {rec.followUpNote && (
              <>
                {" "}
                <bdi>{rec.followUpNote}</bdi>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
};
