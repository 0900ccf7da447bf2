import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { impacts, likelihoods, type TScenario } from "../../../../src/core/scenarios/scenario.schemas.ts";
import { api } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { ClearanceField } from "../../components/ClearanceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { lines } from "./form-lines.ts";

/** A new scenario for the country: how likely, how grave, what would set it off and what to watch. */
export const ScenarioForm = ({ iso3 }: { iso3: string }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
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
  );
};
