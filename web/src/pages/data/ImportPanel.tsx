import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { wrongDelimiter } from "../../../../src/core/data/import/header.ts";
import { IMPORT_MODES, type ImportKind, isEventImportKind } from "../../../../src/core/data/import/types.ts";
import { api, get } from "../../api/client.ts";
import type { ImportJob, ImportKindColumns } from "../../api/data-types.ts";
import { allows } from "../../api/permissions.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { useSession } from "../../session.tsx";
import { ImportJobStatus } from "./ImportJobStatus.tsx";
import { ColumnMappingNote, PreviewTable } from "./ImportPreview.tsx";
import { mapping, type Preview, readPreview } from "./import-preview.ts";

/** Where the data come from and under what terms; left empty, a new release keeps what the dataset had. */
const ProvenanceFields = () => {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("data.licence")}>
        <input name="licence" placeholder={t("data.keptWhenEmpty")} />
      </Field>
      <Field label={t("data.citation")}>
        <input name="citation" placeholder={t("data.keptWhenEmpty")} />
      </Field>
      <details>
        <summary>{t("data.moreProvenance")}</summary>
        <div className="stacked-form">
          <Field label={t("data.datasetTitle")}>
            <input name="title" maxLength={300} placeholder={t("data.keptWhenEmpty")} />
          </Field>
          <Field label={t("data.release")}>
            <input name="version" maxLength={120} placeholder={t("data.releaseHint")} />
          </Field>
          <Field label={t("data.licenceUrl")}>
            <input name="licenceUrl" type="url" placeholder={t("data.keptWhenEmpty")} />
          </Field>
          <Field label={t("data.fileSource")}>
            <input name="source" maxLength={500} placeholder={t("data.keptWhenEmpty")} />
          </Field>
        </div>
      </details>
    </>
  );
};

export const ImportPanel = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const curator = me ? allows(me, "data.curate") : false;
  const queryClient = useQueryClient();
  const kinds = useQuery({
    queryKey: ["import-kinds"],
    queryFn: () => get<ImportKindColumns[]>("/api/data/import-kinds"),
  });
  const [kindName, setKindName] = useState<ImportKind>("ged");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const kind = kinds.data?.find((k) => k.kind === kindName);
  const empty = preview !== null && !preview.compressed && preview.header.length === 0;
  const delimited = preview && !preview.compressed ? wrongDelimiter(preview.header) : null;
  const mapped =
    kind && preview && !preview.compressed && !empty && !delimited ? mapping(kind, preview) : null;

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setJob(null);
    setError(null);
    setPreview(chosen ? await readPreview(chosen) : null);
  };

  const poll = async (id: string) => {
    for (;;) {
      const current = await get<ImportJob>(`/api/data/imports/${id}`);
      setJob(current);
      if (current.state !== "running") return;
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData(event.currentTarget);
    const body = new FormData();
    for (const [key, value] of form)
      if (key !== "file" && typeof value === "string" && value) body.set(key, value);
    body.set("file", file, file.name);
    setSending(true);
    setError(null);
    setJob(null);
    try {
      const started = await api<ImportJob>("POST", "/api/data/imports", body);
      setJob(started);
      await poll(started.id);
      await queryClient.invalidateQueries();
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="import">
      <h2 id="import">{t("data.import")}</h2>
      <p>{t("data.importIntro")}</p>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <ChoiceField
          label={t("data.kind")}
          name="kind"
          choices={(kinds.data ?? []).map((k) => k.kind)}
          value={kindName}
          onChange={setKindName}
          wording={(k) => t(`data.kinds.${k}`)}
        />
        <Field label={t("data.file")}>
          <input
            type="file"
            name="file"
            accept=".csv,.gz,text/csv"
            required
            onChange={(event) => void choose(event.target.files?.[0] ?? null)}
          />
        </Field>
        <Field label={curator ? t("data.datasetId") : t("data.datasetIdOwn")}>
          <input
            name="datasetId"
            pattern="[a-z0-9][a-z0-9\-]{1,62}"
            // Only platform administrators import into the default, shared ids.
            required={!curator}
            placeholder={curator ? t("data.datasetIdHint") : t("data.datasetIdOwnHint")}
            aria-describedby="dataset-ownership"
          />
        </Field>
        <p id="dataset-ownership" className="muted">
          {t("data.datasetOwnership")}
        </p>
        {isEventImportKind(kindName) ? (
          <p>{t("data.eventsReplace")}</p>
        ) : (
          <ChoiceField
            label={t("data.mode")}
            name="mode"
            choices={IMPORT_MODES}
            defaultValue="update"
            wording={(mode) => t(`data.modes.${mode}`)}
          />
        )}
        {kindName === "indicators" && (
          <>
            <Field label={t("data.unit")}>
              <input name="unit" maxLength={120} placeholder={t("data.unitHint")} />
            </Field>
            <Field label={t("data.indicatorCode")}>
              <input name="indicator" maxLength={120} />
            </Field>
          </>
        )}
        <ProvenanceFields />
        {preview?.compressed && <p>{t("data.compressedNoPreview")}</p>}
        {/* The checks of a chosen file are read out: they decide whether it can be sent at all. */}
        <div aria-live="polite">
          {empty && <p className="error">{t("data.fileEmpty")}</p>}
          {delimited && <p className="error">{t("data.wrongDelimiter", { context: delimited.name })}</p>}
          {mapped && mapped.missing.length > 0 && (
            <p className="error">{t("data.missingColumns", { columns: mapped.missing.join(", ") })}</p>
          )}
        </div>
        {mapped && <ColumnMappingNote kind={kind} mapped={mapped} />}
        {preview && !preview.compressed && !empty && (
          <PreviewTable preview={preview} missing={mapped?.missing ?? []} />
        )}
        {/* A file the preview already shows would be refused is not sent: the missing columns are named above. */}
        <BusyButton
          type="submit"
          busy={!file || sending || empty || delimited !== null || (mapped?.missing.length ?? 0) > 0}
        >
          {t("data.upload")}
        </BusyButton>
      </form>
      <ErrorNote error={error} />
      {job && <ImportJobStatus job={job} />}
    </section>
  );
};
