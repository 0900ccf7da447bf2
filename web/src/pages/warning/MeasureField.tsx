import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field.tsx";
import type { RiskMeasure } from "./warning-api.ts";

/** Which probability the map and the watchlist rank by: ≥25 deaths (the default) or any death. */
export const MeasureField = ({
  measure,
  onChange,
}: {
  measure: RiskMeasure;
  onChange: (measure: RiskMeasure) => void;
}) => {
  const { t } = useTranslation();
  return (
    <Field label={t("warning.measure")}>
      <select value={measure} onChange={(event) => onChange(event.target.value as RiskMeasure)}>
        <option value="pGe25">{t("warning.pGe25")}</option>
        <option value="pGt0">{t("warning.pGt0")}</option>
      </select>
    </Field>
  );
};
