import { useTranslation } from "react-i18next";
import { translated } from "../../../../src/core/frameworks/framework.schemas.ts";
import { Field } from "../../components/Field.tsx";
import type { FactorDraft } from "./factor-drafts.ts";

/** One factor, folded under its code and name: its fields, read-only for those who may not edit. */
export const FactorEditor = ({
  factor,
  canEdit,
  onChange,
}: {
  factor: FactorDraft;
  canEdit: boolean;
  onChange: (change: Partial<FactorDraft>) => void;
}) => {
  const { t, i18n } = useTranslation();
  return (
    <details className="factor">
      <summary>
        {factor.code}. {translated(factor.name, factor.translations, i18n.language)}{" "}
        <span className="muted">
          ({t(`frameworks.categories.${factor.category}`, { defaultValue: factor.category })})
        </span>
      </summary>
      <fieldset disabled={!canEdit} className="stacked-form">
        <Field label={t("frameworks.code")}>
          <input value={factor.code} onChange={(e) => onChange({ code: e.target.value })} />
        </Field>
        <Field label={t("frameworks.name")}>
          <input value={factor.name} onChange={(e) => onChange({ name: e.target.value })} />
        </Field>
        <Field label={t("frameworks.category")}>
          <input value={factor.category} onChange={(e) => onChange({ category: e.target.value })} />
        </Field>
        <Field label={t("frameworks.description")}>
          <textarea
            rows={2}
            value={factor.description}
            onChange={(e) => onChange({ description: e.target.value })}
          />
        </Field>
        <Field label={t("frameworks.indicators")}>
          <textarea
            rows={6}
            value={factor.indicatorText}
            onChange={(e) => onChange({ indicatorText: e.target.value })}
          />
        </Field>
        <Field label={t("reviews.guidance")}>
          <textarea
            rows={3}
            value={factor.guidance}
            onChange={(e) => onChange({ guidance: e.target.value })}
          />
        </Field>
      </fieldset>
    </details>
  );
};
