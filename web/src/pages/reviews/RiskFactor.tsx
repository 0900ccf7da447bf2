import { useTranslation } from "react-i18next";
import { type TFrameworkFactor, translated } from "../../../../src/core/frameworks/framework.schemas.ts";
import type { TAssessment } from "../../../../src/core/reviews/review.schemas.ts";
import { AssessmentForm } from "./AssessmentForm.tsx";
import type { ReviewWrites } from "./review-writes.ts";

/** One risk factor, folded to its name and assessed level: its indicators, guidance and evidence links. */
export const RiskFactor = ({
  factor,
  assessment,
  editable,
  writes,
}: {
  factor: TFrameworkFactor;
  assessment: TAssessment | undefined;
  editable: boolean;
  writes: ReviewWrites;
}) => {
  const { t, i18n } = useTranslation();
  return (
    <details className="factor">
      <summary>
        {factor.code}. {translated(factor.name, factor.translations, i18n.language)}{" "}
        <span className={`level-${assessment?.level ?? "none"}`}>
          — {assessment ? t(`reviews.levels.${assessment.level}`) : t("reviews.notAssessed")}
        </span>
      </summary>
      {/* The framework's own wording comes in its own language: isolated, so a right-to-left page keeps
          its codes and full stops in place. */}
      <p className="muted">
        <bdi>{factor.description}</bdi>
      </p>
      <ul>
        {factor.indicators.map((i) => (
          <li key={i.code}>
            <bdi>
              {i.code} {i.text}
            </bdi>
          </li>
        ))}
      </ul>
      <p>
        <strong>{t("reviews.guidance")}:</strong> <bdi>{factor.guidance}</bdi>
      </p>
      {editable && <AssessmentForm factorCode={factor.code} assessment={assessment} writes={writes} />}
      {assessment && assessment.evidenceLinks.length > 0 && (
        <p className="muted">
          {assessment.evidenceLinks.map((l) => (
            <a key={l.url} href={l.url} rel="noreferrer" target="_blank">
              {l.label}{" "}
            </a>
          ))}
        </p>
      )}
    </details>
  );
};
