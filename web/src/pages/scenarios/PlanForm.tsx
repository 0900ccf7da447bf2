import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TPlan } from "../../../../src/core/scenarios/scenario.schemas.ts";
import { api } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ClearanceField } from "../../components/ClearanceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { actionsOf } from "./form-lines.ts";

/** A new contingency plan for the country, under a scenario or (`scenarioId` null) on its own. */
export const PlanForm = ({ iso3, scenarioId }: { iso3: string; scenarioId: string | null }) => {
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
