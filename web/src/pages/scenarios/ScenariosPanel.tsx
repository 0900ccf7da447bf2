import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  impacts,
  likelihoods,
  type TPlan,
  type TScenario,
} from "../../../../src/core/scenarios/scenario.schemas.ts";
import { api, get } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { ClearanceField } from "../../components/ClearanceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { ShareControl } from "../../components/ShareControl.tsx";
import { useSession } from "../../session.tsx";

const lines = (text: string | undefined) =>
  (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** "action | actor | timeline", one per line. */
const actionsOf = (text: string | undefined) =>
  lines(text).map((line) => {
    const [action = "", actor = "", timeline = ""] = line.split("|").map((part) => part.trim());
    return { action, actor, timeline };
  });

const PlanCard = ({ plan, invalidates }: { plan: TPlan; invalidates: readonly unknown[] }) => {
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

const PlanForm = ({ iso3, scenarioId }: { iso3: string; scenarioId: string | null }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: object) => api<TPlan>("POST", "/api/scenarios/plans", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["plans", iso3] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const v = Object.fromEntries(new FormData(form)) as Record<string, string>;
    create.mutate(
      { ...v, iso3, scenarioId, actions: actionsOf(v.actions) },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <details>
      <summary>{t("scenarios.newPlan")}</summary>
      <form className="stacked-form" onSubmit={submit} aria-label={t("scenarios.newPlan")}>
        <Field label={t("reviews.titleField")}>
          <input name="title" required minLength={3} />
        </Field>
        <Field label={t("scenarios.objective")}>
          <textarea name="objective" rows={2} />
        </Field>
        <Field label={t("scenarios.activation")}>
          <textarea name="activation" rows={2} />
        </Field>
        <Field label={t("scenarios.actionsField")}>
          <textarea name="actions" rows={3} />
        </Field>
        <ClearanceField wanted="confidential" />
        <BusyButton type="submit" busy={create.isPending}>
          {t("scenarios.savePlan")}
        </BusyButton>
        <ErrorNote error={create.error} />
      </form>
    </details>
  );
};

/**
 * The country's scenarios and contingency plans the reader is cleared for, their own organisation's or shared
 * with it; new ones are confidential unless chosen otherwise, and the owners choose whom to share them with.
 */
export const ScenariosPanel = ({ iso3 }: { iso3: string }) => {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const scenarios = useQuery({
    queryKey: ["scenarios", iso3],
    queryFn: () => get<TScenario[]>(`/api/scenarios?iso3=${iso3}`),
  });
  const plans = useQuery({
    queryKey: ["plans", iso3],
    queryFn: () => get<TPlan[]>(`/api/scenarios/plans?iso3=${iso3}`),
  });
  const create = useMutation({
    mutationFn: (input: object) => api<TScenario>("POST", "/api/scenarios", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["scenarios", iso3] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const v = Object.fromEntries(new FormData(form)) as Record<string, string>;
    create.mutate(
      { ...v, iso3, triggers: lines(v.triggers), indicatorsToWatch: lines(v.indicatorsToWatch) },
      { onSuccess: () => form.reset() },
    );
  };
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
        <article key={s.id} className="card" data-testid="scenario">
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
          {plansOf(s.id).map((plan) => (
            <PlanCard key={plan.id} plan={plan} invalidates={["plans", iso3]} />
          ))}
          {mayWrite && <PlanForm iso3={iso3} scenarioId={s.id} />}
        </article>
      ))}
      {unlinked.length > 0 && <h3>{t("scenarios.otherPlans")}</h3>}
      {unlinked.map((plan) => (
        <PlanCard key={plan.id} plan={plan} invalidates={["plans", iso3]} />
      ))}
      {mayWrite && (
        <details>
          <summary>{t("scenarios.new")}</summary>
          <form className="stacked-form" onSubmit={submit}>
            <Field label={t("reviews.titleField")}>
              <input name="title" required minLength={3} />
            </Field>
            <ChoiceField
              label={t("scenarios.likelihood")}
              name="likelihood"
              choices={likelihoods}
              defaultValue="possible"
              wording={(l) => t(`scenarios.likelihoods.${l}`)}
            />
            <ChoiceField
              label={t("scenarios.impact")}
              name="impact"
              choices={impacts}
              defaultValue="major"
              wording={(i) => t(`scenarios.impacts.${i}`)}
            />
            <Field label={t("scenarios.narrative")}>
              <textarea name="narrative" rows={4} />
            </Field>
            <Field label={t("scenarios.triggersField")}>
              <textarea name="triggers" rows={2} />
            </Field>
            <Field label={t("scenarios.watchField")}>
              <textarea name="indicatorsToWatch" rows={2} />
            </Field>
            <ClearanceField wanted="confidential" />
            <BusyButton type="submit" busy={create.isPending}>
              {t("scenarios.save")}
            </BusyButton>
            <ErrorNote error={create.error} />
          </form>
        </details>
      )}
    </section>
  );
};
