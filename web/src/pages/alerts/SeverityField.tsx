import { useTranslation } from "react-i18next";
import { type Severity, severities } from "../../../../src/core/alerts/alert.schemas.ts";
import { Field } from "../../components/Field.tsx";

/** The severity picker of the forms that raise alerts or add the rules that raise them. */
export const SeverityField = ({ defaultValue }: { defaultValue: Severity }) => {
  const { t } = useTranslation();
  return (
    <Field label={t("alerts.severity")}>
      <select name="severity" defaultValue={defaultValue}>
        {severities.map((s) => (
          <option key={s} value={s}>
            {t(`alerts.severities.${s}`)}
          </option>
        ))}
      </select>
    </Field>
  );
};
