import { useTranslation } from "react-i18next";
import type { TPlan, TScenario } from "../../../../src/core/scenarios/scenario.schemas.ts";
import { ShareControl } from "../../components/ShareControl.tsx";
import { PlanCard } from "./PlanCard.tsx";
import { PlanForm } from "./PlanForm.tsx";

/** A scenario, what would set it off and what to watch, with the plans made for it and a form for another. */
export const ScenarioCard = ({
  iso3,
  scenario: s,
  plans,
  mayWrite,
}: {
  iso3: string;
  scenario: TScenario;
  plans: TPlan[];
  mayWrite: boolean;
}) => {
  const { t } = useTranslation();
  return (
    <article className="card" data-testid="scenario">
      <h3>
        <span dir="auto">{s.title}</span>{" "}
        <span className={`badge ${s.clearance}`}>{t(`clearance.${s.clearance}`)}</span>
      </h3>
      <p className="muted">
        {t(`scenarios.likelihoods.${s.likelihood}`)} · {t(`scenarios.impacts.${s.impact}`)}
      </p>
      <p className="prose" dir="auto">
        {s.narrative}
      </p>
      {s.triggers.length > 0 && (
        <p>
          <strong>{t("scenarios.triggers")}:</strong> {s.triggers.join("; ")}
        </p>
      )}
      {s.indicatorsToWatch.length > 0 && (
        <p>
          <strong>{t("scenarios.watch")}:</strong> {s.indicatorsToWatch.join("; ")}
        </p>
      )}
      <ShareControl
        path={`/api/scenarios/${s.id}/shares`}
        record={s}
        action="scenario.write"
        invalidates={["scenarios", iso3]}
      />
      {plans.map((plan) => (
        <PlanCard key={plan.id} plan={plan} invalidates={["plans", iso3]} />
      ))}
      {mayWrite && <PlanForm iso3={iso3} scenarioId={s.id} />}
    </article>
  );
};
