import { useTranslation } from "react-i18next";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import type { RiskMeasure } from "./warning-api.ts";

/** The default first. */
const measures: readonly RiskMeasure[] = ["pGe25", "pGt0"];

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
    <ChoiceField
      label={t("warning.measure")}
      choices={measures}
      value={measure}
      onChange={onChange}
      wording={(m) => t(`warning.${m}`)}
    />
  );
};
