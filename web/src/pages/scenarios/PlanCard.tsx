import { useTranslation } from "react-i18next";
import type { TPlan } from "../../../../src/core/scenarios/scenario.schemas.ts";
import { ShareControl } from "../../components/ShareControl.tsx";

/** A contingency plan: its objective, when it is activated, its actions, and whom it is shared with. */
export const PlanCard = ({ plan, invalidates }: { plan: TPlan; invalidates: readonly unknown[] }) => {
  const { t } = useTranslation();
  return (
    <article className="card" data-testid="plan">
      <h4>
        <span dir="auto">{plan.title}</span>{" "}
        <span className={`badge ${plan.clearance}`}>{t(`clearance.${plan.clearance}`)}</span>
      </h4>
      {plan.objective && (
        <p className="prose" dir="auto">
          {plan.objective}
        </p>
      )}
      {plan.activation && (
        <p>
          <strong>{t("scenarios.activation")}:</strong> <span dir="auto">{plan.activation}</span>
        </p>
      )}
      {plan.actions.length > 0 && (
        <ol>
          {plan.actions.map((a) => (
            <li key={`${a.action}-${a.actor}`} dir="auto">
              {a.action} — {a.actor}
              {a.timeline && ` (${a.timeline})`}
            </li>
          ))}
        </ol>
      )}
      <ShareControl
        path={`/api/scenarios/plans/${plan.id}/shares`}
        record={plan}
        action="scenario.write"
        invalidates={invalidates}
      />
    </article>
  );
};
