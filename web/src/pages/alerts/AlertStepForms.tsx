import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { BusyButton } from "../../components/BusyButton.tsx";
import { Field } from "../../components/Field.tsx";
import { RESPONSE_FIELD, ResponseOptions } from "./ResponseOptions.tsx";

/** What each step's form hands on: the fields as the API takes them, and whether a step is being saved. */
export type StepFormProps = { take: (body: object) => void; busy: boolean };

const formValues = (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  return Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
};

/** One option per line of the box, blank lines left out. */
const optionLines = (text: string | undefined) =>
  text
    ?.split("\n")
    .map((o) => o.trim())
    .filter(Boolean) ?? [];

export const AcknowledgeForm = ({ take, busy }: StepFormProps) => {
  const { t } = useTranslation();
  return (
    <form className="inline-form" onSubmit={(e) => take(formValues(e))}>
      <Field label={t("alerts.note")}>
        <input name="note" size={40} />
      </Field>
      <BusyButton type="submit" busy={busy}>
        {t("alerts.steps.acknowledge")}
      </BusyButton>
    </form>
  );
};

export const AssessForm = ({ take, busy }: StepFormProps) => {
  const { t } = useTranslation();
  return (
    <form className="stacked-form" onSubmit={(e) => take(formValues(e))}>
      <Field label={t("alerts.assessment")}>
        <textarea name="assessment" rows={3} required minLength={3} />
      </Field>
      <BusyButton type="submit" busy={busy}>
        {t("alerts.steps.assess")}
      </BusyButton>
    </form>
  );
};

export const DecideForm = ({ take, busy }: StepFormProps) => {
  const { t } = useTranslation();
  const [noOption, setNoOption] = useState(false);
  const decide = (event: FormEvent<HTMLFormElement>) => {
    const ticked = new FormData(event.currentTarget).getAll(RESPONSE_FIELD).map(String);
    const { [RESPONSE_FIELD]: _ticked, ...fields } = formValues(event);
    const options = [...ticked, ...optionLines(fields.options)];
    setNoOption(options.length === 0);
    if (options.length > 0) take({ ...fields, options });
  };
  return (
    <form className="stacked-form" onSubmit={decide}>
      <h2>{t("alerts.recordDecision")}</h2>
      <ResponseOptions />
      <Field label={t("alerts.optionsField")}>
        <textarea name="options" rows={3} aria-invalid={noOption} />
      </Field>
      {noOption && (
        <p role="alert" className="error">
          {t("alerts.optionsNeeded")}
        </p>
      )}
      <Field label={t("alerts.decision")}>
        <input name="decision" required minLength={3} />
      </Field>
      <Field label={t("alerts.rationale")}>
        <textarea name="rationale" rows={3} required minLength={3} />
      </Field>
      <BusyButton type="submit" busy={busy}>
        {t("alerts.steps.decide")}
      </BusyButton>
    </form>
  );
};

export const ActForm = ({ take, busy }: StepFormProps) => {
  const { t } = useTranslation();
  return (
    <form className="inline-form" onSubmit={(e) => take(formValues(e))}>
      <Field label={t("alerts.actionNote")}>
        <input name="note" required minLength={3} size={50} />
      </Field>
      <BusyButton type="submit" busy={busy}>
        {t("alerts.steps.act")}
      </BusyButton>
    </form>
  );
};

export const CloseForm = ({ take, busy }: StepFormProps) => {
  const { t } = useTranslation();
  return (
    <form className="inline-form" onSubmit={(e) => take(formValues(e))}>
      <Field label={t("alerts.outcome")}>
        <input name="outcome" required minLength={3} size={50} />
      </Field>
      <BusyButton type="submit" busy={busy}>
        {t("alerts.steps.close")}
      </BusyButton>
    </form>
  );
};
