import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, get } from "../../api/client.ts";
import { BackLink } from "../../components/BackLink.tsx";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";

type SavedForm = { id: string; title: string; kind: string };
type ImportSummary = {
  rows: number;
  created: number;
  alreadyStored: number;
  skipped: { row: number; problems: string[] }[];
};

const USHAHIDI = "ushahidi";

/**
 * Bulk reports from the web, for monitors without a shell: a KoboToolbox or ODK export through a saved form
 * mapping, or an Ushahidi CSV export. Nothing is stored from a file with a bad row unless asked to skip it.
 */
export const ImportReportsPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [source, setSource] = useState(USHAHIDI);
  const forms = useQuery({
    queryKey: ["voices", "forms"],
    queryFn: () => get<SavedForm[]>("/api/voices/forms"),
  });
  const upload = useMutation({
    mutationFn: async ({ file, skipInvalid }: { file: File; skipInvalid: boolean }) => {
      const content = await file.text();
      if (source === USHAHIDI)
        return api<ImportSummary>("POST", "/api/voices/imports/ushahidi", { content, skipInvalid });
      const format = file.name.toLowerCase().endsWith(".json") ? "json" : "csv";
      return api<ImportSummary>("POST", `/api/voices/forms/${encodeURIComponent(source)}/submissions`, {
        format,
        content,
        skipInvalid,
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["voices"] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (file instanceof File) upload.mutate({ file, skipInvalid: form.get("skipInvalid") === "on" });
  };
  const result = upload.data;
  return (
    <>
      <p>
        <BackLink to="/reports" label={t("voices.queueTitle")} />
      </p>
      <h1>{t("voices.importTitle")}</h1>
      <p>{t("voices.importIntro")}</p>
      {forms.data?.length === 0 && <p className="note">{t("voices.noFormMapping")}</p>}
      <form className="stacked-form" onSubmit={submit}>
        <Field label={t("voices.importSource")}>
          <select value={source} onChange={(event) => setSource(event.target.value)}>
            <option value={USHAHIDI}>{t("voices.ushahidiExport")}</option>
            {forms.data?.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title} ({f.kind})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("voices.importFile")}>
          <input type="file" name="file" accept=".csv,.json,text/csv,application/json" required />
        </Field>
        <label className="field">
          <span>{t("voices.skipInvalid")}</span>
          <input type="checkbox" name="skipInvalid" />
        </label>
        <BusyButton type="submit" busy={upload.isPending}>
          {t("voices.importButton")}
        </BusyButton>
      </form>
      <ErrorNote error={upload.error} />
      {result && (
        <section aria-live="polite">
          <p>{t("voices.importResult", result)}</p>
          {result.skipped.length > 0 && (
            <ul>
              {result.skipped.map((s) => (
                <li key={s.row}>{t("voices.skippedRow", { row: s.row, problems: s.problems.join("; ") })}</li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/reports">{t("voices.queueTitle")}</Link>
          </p>
        </section>
      )}
    </>
  );
};
