import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, get } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import type { Analysis } from "../../api/types.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ClearanceField } from "../../components/ClearanceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { ShareControl } from "../../components/ShareControl.tsx";
import { useSession } from "../../session.tsx";

export const AnalysesPage = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const analyses = useQuery({
    queryKey: ["analyses", search],
    queryFn: () => get<Analysis[]>(`/api/analyses${search ? `?q=${encodeURIComponent(search)}` : ""}`),
  });
  const create = useMutation({
    mutationFn: (input: object) => api<Analysis>("POST", "/api/analyses", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["analyses"] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { iso3, ...rest } = Object.fromEntries(new FormData(event.currentTarget));
    create.mutate({ ...rest, ...(iso3 ? { iso3: String(iso3).toUpperCase() } : {}) });
    event.currentTarget.reset();
  };
  return (
    <>
      <h1>{t("analyses.title")}</h1>
      <p>{t("analyses.intro")}</p>
      <Field label={t("analyses.search")}>
        <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      </Field>
      {analyses.data?.length === 0 && <p>{t(search ? "analyses.noMatch" : "analyses.empty")}</p>}
      {analyses.data?.map((analysis) => (
        <article key={analysis.id} className="card">
          <h2>
            {analysis.title} {analysis.iso3 && <small>{analysis.iso3}</small>}{" "}
            <span className={`badge ${analysis.clearance}`}>{t(`clearance.${analysis.clearance}`)}</span>
          </h2>
          <p className="prose" dir="auto">
            {analysis.body}
          </p>
          <ShareControl
            path={`/api/analyses/${analysis.id}/shares`}
            record={analysis}
            action="analysis.write"
            invalidates={["analyses"]}
          />
        </article>
      ))}
      {allows(me, "analysis.write") && (
        <section aria-labelledby="new-analysis">
          <h2 id="new-analysis">{t("analyses.new")}</h2>
          <form className="stacked-form" onSubmit={submit}>
            <Field label={t("analyses.titleField")}>
              <input name="title" required minLength={3} />
            </Field>
            <Field label={t("analyses.country")}>
              <input name="iso3" pattern="[A-Za-z]{3}" maxLength={3} />
            </Field>
            <ClearanceField wanted="restricted" />
            <Field label={t("analyses.body")}>
              <textarea name="body" rows={6} />
            </Field>
            <BusyButton type="submit" busy={create.isPending}>
              {t("analyses.save")}
            </BusyButton>
            <ErrorNote
              error={create.error}
              labels={{
                title: t("analyses.titleField"),
                iso3: t("analyses.country"),
                body: t("analyses.body"),
              }}
            />
          </form>
        </section>
      )}
    </>
  );
};
