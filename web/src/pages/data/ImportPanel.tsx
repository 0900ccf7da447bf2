import { useQuery, useQueryClient } from "@tanstack/react-query";
import Papa from "papaparse";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { wrongDelimiter } from "../../../../src/core/data/import/header.ts";
import { isPreamble, worldBankYears } from "../../../../src/core/data/import/indicators.ts";
import { IMPORT_MODES, type ImportKind, isEventImportKind } from "../../../../src/core/data/import/types.ts";
import { api, get } from "../../api/client.ts";
import type { ImportJob, ImportKindColumns } from "../../api/data-types.ts";
import { allows } from "../../api/permissions.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { ltr } from "../../i18n/index.ts";
import { useSession } from "../../session.tsx";
import { RunProgress } from "../warning/RunProgress.tsx";
import { useLiveForecast } from "../warning/WatchlistPage.tsx";
import { ImportSummary } from "./ImportSummary.tsx";

const PREVIEW_ROWS = 10;

type Preview = { header: string[]; rows: string[][]; compressed: boolean };

/** Reads the first rows in the browser: the person sees what will be imported before sending it. */
const readPreview = (file: File): Promise<Preview> =>
  new Promise((resolve, reject) => {
    if (/\.gz$/i.test(file.name)) {
      resolve({ header: [], rows: [], compressed: true });
      return;
    }
    Papa.parse<string[]>(file, {
      // Read as the server reads it: a semicolon-separated file must not look importable here.
      delimiter: ",",
      preview: PREVIEW_ROWS + 6,
      skipEmptyLines: true,
      complete: (result) => {
        // A World Bank download opens with lines about its source before the header.
        const start = result.data.findIndex((row) => !isPreamble(row));
        const [header = [], ...rows] = start < 0 ? [] : result.data.slice(start);
        resolve({ header, rows: rows.slice(0, PREVIEW_ROWS + 1), compressed: false });
      },
      error: reject,
    });
  });

/** Which columns of the file the chosen kind reads, and which it needs but cannot find. */
const mapping = (kind: ImportKindColumns, preview: Preview) => {
  if (kind.kind === "indicators" && worldBankYears(preview.header).length) {
    const wanted = ["Country Code", "Indicator Code"];
    const names = preview.header.map((c) => c.trim());
    return {
      found: wanted.filter((c) => names.includes(c)),
      missing: wanted.filter((c) => !names.includes(c)),
      optional: ["Indicator Name"].filter((c) => names.includes(c)),
      others: [],
    };
  }
  const names = (kind.hxl ? (preview.rows[0] ?? []) : preview.header).map((c) => c.trim().toLowerCase());
  const has = (wanted: string) =>
    kind.hxl
      ? names.some((n) => {
          const [tag, ...attrs] = wanted.split("+");
          const [have, ...haveAttrs] = n.split("+");
          return have === tag && attrs.every((a) => haveAttrs.includes(a));
        })
      : names.includes(wanted.toLowerCase());
  const known = new Set([...kind.required, ...kind.optional].map((c) => c.toLowerCase()));
  return {
    found: kind.required.filter(has),
    missing: kind.required.filter((c) => !has(c)),
    optional: kind.optional.filter(has),
    others: kind.hxl ? [] : preview.header.filter((c) => !known.has(c.trim().toLowerCase())),
  };
};

export const ImportPanel = () => {
  const { t, i18n } = useTranslation();
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

  const number = new Intl.NumberFormat(i18n.language);
  const report = job?.report;
  // The server forecasts again after an import of data the model reads: that run is shown here as it goes.
  const forecast = useLiveForecast();
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <section aria-labelledby="import">
      <h2 id="import">{t("data.import")}</h2>
      <p>{t("data.importIntro")}</p>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <Field label={t("data.kind")}>
          <select
            name="kind"
            value={kindName}
            onChange={(event) => setKindName(event.target.value as ImportKind)}
          >
            {(kinds.data ?? []).map((k) => (
              <option key={k.kind} value={k.kind}>
                {t(`data.kinds.${k.kind}`)}
              </option>
            ))}
          </select>
        </Field>
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
        {preview?.compressed && <p>{t("data.compressedNoPreview")}</p>}
        {/* The checks of a chosen file are read out: they decide whether it can be sent at all. */}
        <div aria-live="polite">
          {empty && <p className="error">{t("data.fileEmpty")}</p>}
          {delimited && <p className="error">{t("data.wrongDelimiter", { context: delimited.name })}</p>}
          {mapped && mapped.missing.length > 0 && (
            <p className="error">{t("data.missingColumns", { columns: mapped.missing.join(", ") })}</p>
          )}
        </div>
        {mapped && (
          <div data-testid="column-mapping">
            <h3>{t("data.mapping")}</h3>
            {mapped.missing.length === 0 && <p>{t("data.allRequired", { count: mapped.found.length })}</p>}
            {mapped.optional.length > 0 && (
              <p>{t("data.optionalFound", { columns: mapped.optional.join(", ") })}</p>
            )}
            {mapped.others.length > 0 && (
              <p>
                {kind?.others === "values"
                  ? t("data.readAsValues", { columns: mapped.others.join(", ") })
                  : t("data.ignored", { columns: mapped.others.join(", ") })}
              </p>
            )}
          </div>
        )}
        {preview && !preview.compressed && !empty && (
          <div className="import-preview">
            <TableScroll label={t("data.preview", { count: preview.rows.length })}>
              <table data-testid="import-preview">
                <caption>{t("data.preview", { count: preview.rows.length })}</caption>
                <thead>
                  <tr>
                    {preview.header
                      .map((name, position) => ({ name, position }))
                      .map((column) => (
                        <th
                          key={column.position}
                          scope="col"
                          className={mapped?.missing.includes(column.name) ? "missing" : undefined}
                        >
                          {column.name}
                        </th>
                      ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row, r) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their position
                    <tr key={r}>
                      {row.map((cell, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: as above
                        <td key={i}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
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
      {job && (
        <div aria-live="polite" data-testid="import-job" data-state={job.state}>
          {job.state === "running" && (
            <p>
              <progress max={100} value={percent} /> {t("data.importing", { percent })}
            </p>
          )}
          {job.failure && <p className="error">{job.failure}</p>}
          {report && <ImportSummary report={report} />}
          {report?.ok && forecast?.trigger === "import" && (
            <>
              <p>
                {t("data.forecastAfterImport", { origin: ltr(forecast.origin) })}{" "}
                <Link to="/warning/watchlist">{t("warning.toWatchlist")}</Link>
              </p>
              <RunProgress progress={forecast.progress} status={forecast.status} error={forecast.error} />
            </>
          )}
          {report && report.errors.length > 0 && (
            <TableScroll
              label={t("data.errorsCaption", { count: report.errorCount, shown: report.errors.length })}
            >
              <table data-testid="import-errors">
                <caption>
                  {t("data.errorsCaption", { count: report.errorCount, shown: report.errors.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("data.file")}</th>
                    <th scope="col">{t("data.line")}</th>
                    <th scope="col">{t("data.column")}</th>
                    <th scope="col">{t("data.value")}</th>
                    <th scope="col">{t("data.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e) => (
                    <tr key={`${e.line}-${e.column}-${e.reason}`}>
                      <td>{e.file}</td>
                      <td>{number.format(e.line)}</td>
                      <td>{e.column}</td>
                      <td>
                        <code>{e.value}</code>
                      </td>
                      <td>{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </div>
      )}
    </section>
  );
};
