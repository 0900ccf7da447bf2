import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { impacts, likelihoods, type TScenario } from "../../../../src/core/scenarios/scenario.schemas.ts";
import { api, get } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import { ClearanceField } from "../../components/ClearanceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { useSession } from "../../session.tsx";

const lines = (text: string | undefined) =>
  (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** The country's scenarios the reader is cleared for; new ones are confidential unless chosen otherwise. */
export const ScenariosPanel = ({ iso3 }: { iso3: string }) => {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const scenarios = useQuery({
    queryKey: ["scenarios", iso3],
    queryFn: () => get<TScenario[]>(`/api/scenarios?iso3=${iso3}`),
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
  return (
    <section aria-labelledby="scenarios">
      <h2 id="scenarios">{t("scenarios.title")}</h2>
      <p className="muted">{t("scenarios.intro")}</p>
      {scenarios.data?.map((s) => (
        <article key={s.id} className="card">
          <h3>
            {s.title} <span className={`badge ${s.clearance}`}>{t(`clearance.${s.clearance}`)}</span>
          </h3>
          <p className="muted">
            {t(`scenarios.likelihoods.${s.likelihood}`)} · {t(`scenarios.impacts.${s.impact}`)}
          </p>
          <p className="prose">{s.narrative}</p>
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
        </article>
      ))}
      {allows(me, "scenario.write") && (
        <details>
          <summary>{t("scenarios.new")}</summary>
          <form className="stacked-form" onSubmit={submit}>
            <Field label={t("reviews.titleField")}>
              <input name="title" required minLength={3} />
            </Field>
            <Field label={t("scenarios.likelihood")}>
              <select name="likelihood" defaultValue="possible">
                {likelihoods.map((l) => (
                  <option key={l} value={l}>
                    {t(`scenarios.likelihoods.${l}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("scenarios.impact")}>
              <select name="impact" defaultValue="major">
                {impacts.map((i) => (
                  <option key={i} value={i}>
                    {t(`scenarios.impacts.${i}`)}
                  </option>
                ))}
              </select>
            </Field>
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
            <button type="submit">{t("scenarios.save")}</button>
            <ErrorNote error={create.error} />
          </form>
        </details>
      )}
    </section>
  );
};
