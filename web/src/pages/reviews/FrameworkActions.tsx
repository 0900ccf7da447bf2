import { useTranslation } from "react-i18next";
import type { TFramework } from "../../../../src/core/frameworks/framework.schemas.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import type { FrameworkDraft } from "./framework-draft.ts";
import type { FrameworkSaves } from "./framework-saves.ts";

/** Below the factors: add one, save the edit in place or as a new version, make the framework the default. */
export const FrameworkActions = ({
  framework,
  draft,
  saves: { save, saveAsVersion, makeDefault },
  canEdit,
}: {
  framework: TFramework;
  draft: FrameworkDraft;
  saves: FrameworkSaves;
  canEdit: boolean;
}) => {
  const { t } = useTranslation();
  return (
    <>
      {canEdit && (
        <div className="inline-form">
          <button type="button" onClick={() => draft.addFactor(t("frameworks.newFactor"))}>
            {t("frameworks.addFactor")}
          </button>
          <button type="button" onClick={() => save.mutate()}>
            {t("frameworks.save")}
          </button>
          <Field label={t("frameworks.newVersion")}>
            <input value={draft.version} onChange={(e) => draft.setVersion(e.target.value)} size={10} />
          </Field>
          <button type="button" disabled={!draft.version} onClick={() => saveAsVersion.mutate()}>
            {t("frameworks.saveAsVersion")}
          </button>
          {!framework.isDefault && (
            <button type="button" onClick={() => makeDefault.mutate()}>
              {t("frameworks.makeDefault")}
            </button>
          )}
        </div>
      )}
      {(save.isSuccess || saveAsVersion.isSuccess) && <p role="status">{t("admin.saved")}</p>}
      <ErrorNote error={save.error ?? saveAsVersion.error ?? makeDefault.error} />
    </>
  );
};
