import { useTranslation } from "react-i18next";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { Field } from "../../components/Field.tsx";
import type { FormKind } from "./rule-definition.ts";

/** The fields a rule of the chosen kind needs, with the defaults a new rule starts from. */
export const RuleKindFields = ({ kind }: { kind: FormKind }) => {
  const { t } = useTranslation();
  const measureField = (
    <ChoiceField
      label={t("alertSetup.measure")}
      name="measure"
      choices={["p_ge25", "p_gt0"]}
      defaultValue="p_ge25"
      wording={(m) => t(`alerts.messages.measure_${m}`)}
    />
  );
  const ageField = (
    <Field label={t("alertSetup.maxDataAgeMonths")}>
      <input name="maxDataAgeMonths" type="number" min={0} max={600} defaultValue={6} required />
    </Field>
  );
  const horizonField = (
    <>
      <Field label={t("alertSetup.maxHorizon")}>
        <input name="maxHorizon" type="number" min={1} max={12} defaultValue={3} required />
      </Field>
      {ageField}
    </>
  );
  switch (kind) {
    case "forecast_threshold":
      return (
        <>
          {measureField}
          <Field label={t("alertSetup.threshold")}>
            <input name="threshold" type="number" min={1} max={100} defaultValue={50} required />
          </Field>
          {horizonField}
        </>
      );
    case "forecast_jump":
      return (
        <>
          {measureField}
          <Field label={t("alertSetup.increase")}>
            <input name="increase" type="number" min={1} max={100} defaultValue={20} required />
          </Field>
          {horizonField}
        </>
      );
    case "fatalities_above_range":
      return (
        <>
          <Field label={t("alertSetup.lookbackMonths")}>
            <input name="lookbackMonths" type="number" min={3} max={120} defaultValue={24} required />
          </Field>
          <Field label={t("alertSetup.minFatalities")}>
            <input name="minFatalities" type="number" min={0} defaultValue={25} required />
          </Field>
          {ageField}
        </>
      );
    case "risk_factor_severe":
      return (
        <Field label={t("alertSetup.factorCodes")}>
          <input name="factorCodes" placeholder="1, 7, 13" size={12} />
        </Field>
      );
  }
};
