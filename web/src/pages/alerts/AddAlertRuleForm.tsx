import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiWrite } from "../../api/use-api-call.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { Field } from "../../components/Field.tsx";
import { RuleKindFields } from "./RuleKindFields.tsx";
import { definitionFrom, type FormKind, formKinds } from "./rule-definition.ts";
import { SeverityField } from "./SeverityField.tsx";

/** A new rule: its name, the kind's own fields and the severity of the alerts it raises. */
export const AddAlertRuleForm = ({ change }: { change: ApiWrite }) => {
  const { t } = useTranslation();
  const [kind, setKind] = useState<FormKind>("forecast_threshold");
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = Object.fromEntries(new FormData(formElement)) as Record<string, string>;
    change.mutate(
      {
        method: "POST",
        path: "/api/alerts/rules",
        body: { name: form.name, severity: form.severity, definition: definitionFrom(kind, form) },
      },
      { onSuccess: () => formElement.reset() },
    );
  };
  return (
    <>
      <h3 id="add-rule">{t("alertSetup.addRule")}</h3>
      <form className="inline-form" onSubmit={add} aria-labelledby="add-rule">
        <Field label={t("alertSetup.name")}>
          <input name="name" required minLength={3} maxLength={200} size={30} />
        </Field>
        <ChoiceField
          label={t("alertSetup.kind")}
          choices={formKinds}
          value={kind}
          onChange={setKind}
          wording={(k) => t(`alertSetup.kinds.${k}`)}
        />
        <RuleKindFields kind={kind} />
        <SeverityField defaultValue="high" />
        <BusyButton type="submit" busy={change.isPending}>
          {t("alertSetup.addButton")}
        </BusyButton>
      </form>
    </>
  );
};
