import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TPlan, TScenario } from "../../../../src/core/scenarios/scenario.schemas.ts";
import { get } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import { useSession } from "../../session.tsx";
import { PlanCard } from "./PlanCard.tsx";
import { ScenarioCard } from "./ScenarioCard.tsx";
import { ScenarioForm } from "./ScenarioForm.tsx";

/**
 * The country's scenarios and contingency plans the reader is cleared for, their own organisation's or shared
 * with it; new ones are confidential unless chosen otherwise, and the owners choose whom to share them with.
 */
export const ScenariosPanel = ({ iso3 }: { iso3: string }) => {
  const { t } = useTranslation();
  const { me } = useSession();
  const scenarios = useQuery({
    queryKey: ["scenarios", iso3],
    queryFn: () => get<TScenario[]>(`/api/scenarios?iso3=${iso3}`),
  });
  const plans = useQuery({
    queryKey: ["plans", iso3],
    queryFn: () => get<TPlan[]>(`/api/scenarios/plans?iso3=${iso3}`),
  });
  const mayWrite = allows(me, "scenario.write");
  const plansOf = (scenarioId: string | null) =>
    (plans.data ?? []).filter((p) => p.scenarioId === scenarioId);
  const unlinked = plansOf(null);
  return (
    <section aria-labelledby="scenarios">
      <h2 id="scenarios">{t("scenarios.title")}</h2>
      <p className="muted">{t("scenarios.intro")}</p>
      {scenarios.data?.length === 0 && <p>{t("scenarios.none")}</p>}
      {scenarios.data?.map((s) => (
        <ScenarioCard key={s.id} iso3={iso3} scenario={s} plans={plansOf(s.id)} mayWrite={mayWrite} />
      ))}
      {unlinked.length > 0 && <h3>{t("scenarios.otherPlans")}</h3>}
      {unlinked.map((plan) => (
        <PlanCard key={plan.id} plan={plan} invalidates={["plans", iso3]} />
      ))}
      {mayWrite && <ScenarioForm iso3={iso3} />}
    </section>
  );
};
