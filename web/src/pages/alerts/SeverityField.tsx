import { useTranslation } from "react-i18next";
import { type Severity, severities } from "../../../../src/core/alerts/alert.schemas.ts";
import { ChoiceField } from "../../components/ChoiceField.tsx";

/** The severity picker of the forms that raise alerts or add the rules that raise them. */
export const SeverityField = ({ defaultValue }: { defaultValue: Severity }) => {
  const { t } = useTranslation();
  return (
    <ChoiceField
      label={t("alerts.severity")}
      name="severity"
      choices={severities}
      defaultValue={defaultValue}
      wording={(s) => t(`alerts.severities.${s}`)}
    />
  );
};
