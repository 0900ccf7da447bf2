import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type TFramework,
  type TFrameworkFactor,
  type TFrameworkSummary,
  translated,
} from "../../../../src/core/frameworks/framework.schemas.ts";
import { api, get } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { useSession } from "../../session.tsx";
import { ReviewsNav } from "./ReviewsSection.tsx";

/** Indicators are edited as lines "code text", e.g. "1.1 International or non-international armed conflict." */
const indicatorLines = (factor: TFrameworkFactor) =>
  factor.indicators.map((i) => `${i.code} ${i.text}`).join("\n");
const parseIndicators = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(" ");
      return space > 0
        ? { code: line.slice(0, space), text: line.slice(space + 1) }
        : { code: line, text: line };
    });

/** A factor being edited; `uid` keeps React's identity while the code itself is being changed. */
type Draft = TFrameworkFactor & { indicatorText: string; uid: string };

export const FrameworkEditor = () => {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const canEdit = allows(me, "framework.edit");
  const queryClient = useQueryClient();
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
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [title, setTitle] = useState("");
  const [version, setVersion] = useState("");
  useEffect(() => {
    if (!framework.data) return;
    setDrafts(
      framework.data.factors.map((f) => ({
        ...f,
        indicatorText: indicatorLines(f),
        uid: crypto.randomUUID(),
      })),
    );
    setTitle(framework.data.title);
    setVersion("");
  }, [framework.data]);
  const factors = () =>
    drafts.map(({ indicatorText, uid, ...f }) => ({ ...f, indicators: parseIndicators(indicatorText) }));
  const done = async (saved: TFramework) => {
    setSelected(saved.id);
    await queryClient.invalidateQueries({ queryKey: ["frameworks"] });
    await queryClient.invalidateQueries({ queryKey: ["framework", saved.id] });
  };
  const save = useMutation({
    mutationFn: () => api<TFramework>("PATCH", `/api/frameworks/${id}`, { title, factors: factors() }),
    onSuccess: done,
  });
  const saveAsVersion = useMutation({
    mutationFn: () =>
      api<TFramework>("POST", "/api/frameworks", {
        slug: framework.data?.slug,
        version,
        title,
        description: framework.data?.description ?? "",
        source: framework.data?.source ?? "",
        factors: factors(),
      }),
    onSuccess: done,
  });
  const makeDefault = useMutation({
    mutationFn: () => api<TFramework>("PATCH", `/api/frameworks/${id}`, { isDefault: true }),
    onSuccess: done,
  });
  const update = (index: number, change: Partial<Draft>) =>
    setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...change } : d)));
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
            <input value={title} onChange={(e) => setTitle(e.target.value)} size={60} disabled={!canEdit} />
          </Field>
          {drafts.map((factor, index) => (
            <details key={factor.uid} className="factor">
              <summary>
                {factor.code}. {translated(factor.name, factor.translations, i18n.language)}{" "}
                <span className="muted">
                  ({t(`frameworks.categories.${factor.category}`, { defaultValue: factor.category })})
                </span>
              </summary>
              <fieldset disabled={!canEdit} className="stacked-form">
                <Field label={t("frameworks.code")}>
                  <input value={factor.code} onChange={(e) => update(index, { code: e.target.value })} />
                </Field>
                <Field label={t("frameworks.name")}>
                  <input value={factor.name} onChange={(e) => update(index, { name: e.target.value })} />
                </Field>
                <Field label={t("frameworks.category")}>
                  <input
                    value={factor.category}
                    onChange={(e) => update(index, { category: e.target.value })}
                  />
                </Field>
                <Field label={t("frameworks.description")}>
                  <textarea
                    rows={2}
                    value={factor.description}
                    onChange={(e) => update(index, { description: e.target.value })}
                  />
                </Field>
                <Field label={t("frameworks.indicators")}>
                  <textarea
                    rows={6}
                    value={factor.indicatorText}
                    onChange={(e) => update(index, { indicatorText: e.target.value })}
                  />
                </Field>
                <Field label={t("reviews.guidance")}>
                  <textarea
                    rows={3}
                    value={factor.guidance}
                    onChange={(e) => update(index, { guidance: e.target.value })}
                  />
                </Field>
              </fieldset>
            </details>
          ))}
          {canEdit && (
            <div className="inline-form">
              <button
                type="button"
                onClick={() =>
                  setDrafts((all) => [
                    ...all,
                    {
                      code: String(all.length + 1),
                      name: t("frameworks.newFactor"),
                      translations: {},
                      category: "common",
                      description: "",
                      guidance: "",
                      indicators: [],
                      indicatorText: "",
                      uid: crypto.randomUUID(),
                    },
                  ])
                }
              >
                {t("frameworks.addFactor")}
              </button>
              <button type="button" onClick={() => save.mutate()}>
                {t("frameworks.save")}
              </button>
              <Field label={t("frameworks.newVersion")}>
                <input value={version} onChange={(e) => setVersion(e.target.value)} size={10} />
              </Field>
              <button type="button" disabled={!version} onClick={() => saveAsVersion.mutate()}>
                {t("frameworks.saveAsVersion")}
              </button>
              {!framework.data.isDefault && (
                <button type="button" onClick={() => makeDefault.mutate()}>
                  {t("frameworks.makeDefault")}
                </button>
              )}
            </div>
          )}
          {(save.isSuccess || saveAsVersion.isSuccess) && <p role="status">{t("admin.saved")}</p>}
          <ErrorNote error={save.error ?? saveAsVersion.error ?? makeDefault.error} />
        </>
      )}
    </>
  );
};
