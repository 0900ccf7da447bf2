import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type TFramework,
  type TFrameworkSummary,
  translated,
} from "../../../../src/core/frameworks/framework.schemas.ts";
import { get } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import { Field } from "../../components/Field.tsx";
import { useSession } from "../../session.tsx";
import { FactorEditor } from "./FactorEditor.tsx";
import { FrameworkActions } from "./FrameworkActions.tsx";
import { useFrameworkDraft } from "./framework-draft.ts";
import { useFrameworkSaves } from "./framework-saves.ts";
import { ReviewsNav } from "./ReviewsSection.tsx";

/** /reviews/frameworks: the assessment frameworks, each read by everyone and edited by those who may. */
export const FrameworkEditor = () => {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const canEdit = allows(me, "framework.edit");
  const list = useQuery({
    queryKey: ["frameworks"],
    queryFn: () => get<TFrameworkSummary[]>("/api/frameworks"),
  });
  const [selected, setSelected] = useState("");
  const id = selected || list.data?.find((f) => f.isDefault)?.id || list.data?.[0]?.id || "";
  const framework = useQuery({
    queryKey: ["framework", id],
    enabled: Boolean(id),
    queryFn: () => get<TFramework>(`/api/frameworks/${id}`),
  });
  const draft = useFrameworkDraft(framework.data);
  const saves = useFrameworkSaves(id, framework.data, draft, setSelected);
  return (
    <>
      <h1>{t("frameworks.title")}</h1>
      <ReviewsNav />
      <p>{t("frameworks.intro")}</p>
      <Field label={t("frameworks.choose")}>
        <select value={id} onChange={(e) => setSelected(e.target.value)}>
          {list.data?.map((f) => (
            <option key={f.id} value={f.id}>
              {translated(f.title, f.titleTranslations, i18n.language)} ({f.slug} {f.version})
              {f.isDefault ? ` — ${t("frameworks.default")}` : ""}
            </option>
          ))}
        </select>
      </Field>
      {framework.data && (
        <>
          <p className="muted">{framework.data.source}</p>
          {i18n.language !== "en" && <p className="muted">{t("frameworks.editsSourceText")}</p>}
          <Field label={t("reviews.titleField")}>
            <input
              value={draft.title}
              onChange={(e) => draft.setTitle(e.target.value)}
              size={60}
              disabled={!canEdit}
            />
          </Field>
          {draft.drafts.map((factor, index) => (
            <FactorEditor
              key={factor.uid}
              factor={factor}
              canEdit={canEdit}
              onChange={(change) => draft.update(index, change)}
            />
          ))}
          <FrameworkActions framework={framework.data} draft={draft} saves={saves} canEdit={canEdit} />
        </>
      )}
    </>
  );
};
