import { useTranslation } from "react-i18next";
import type { TFrameworkFactor } from "../../../../src/core/frameworks/framework.schemas.ts";
import type { TAssessment } from "../../../../src/core/reviews/review.schemas.ts";
import { RiskFactor } from "./RiskFactor.tsx";
import type { ReviewWrites } from "./review-writes.ts";

/** Each of the framework's risk factors, with the review's assessment of it. */
export const RiskFactorsSection = ({
  factors,
  assessed,
  editable,
  writes,
}: {
  factors: readonly TFrameworkFactor[] | undefined;
  assessed: ReadonlyMap<string, TAssessment>;
  editable: boolean;
  writes: ReviewWrites;
}) => {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="factors">
      <h2 id="factors">{t("reviews.riskFactors")}</h2>
      {i18n.language !== "en" && <p className="muted">{t("reviews.frameworkTextLanguage")}</p>}
      {factors?.map((factor) => (
        <RiskFactor
          key={factor.code}
          factor={factor}
          assessment={assessed.get(factor.code)}
          editable={editable}
          writes={writes}
        />
      ))}
    </section>
  );
};
