import { basename } from "node:path";
import { canReadDataset } from "../../core/access/policies.ts";
import {
  type ImportKind,
  type ImportMode,
  type IndicatorOptions,
  isEventImportKind,
  type RowError,
  STAGING,
} from "../../core/data/import/index.ts";
import { referenceDatasets } from "../../core/data/reference-datasets.ts";
import type { RegistryData } from "../../core/data/registry.ts";
import { DomainError } from "../../core/shared/errors.ts";
import { type CoverageMode, replaceDatasetRows } from "../../repositories/data/bulk-load.ts";
import { DataFileError, fileSha256, fileSize } from "../../repositories/data/data-files.ts";
import { type DatasetRow, findDataset, listDatasets } from "../../repositories/data/datasets.repository.ts";
import { loadRegistry } from "../../repositories/data/registry.repository.ts";
import { validateFile } from "../../repositories/data/validate-file.ts";
import { auditData, type DataContext } from "./data-context.ts";
import { sharedDatasetIds } from "./shared-datasets.ts";

export type ImportDatasetInput = {
  kind: ImportKind;
  /** Path of a .csv or .csv.gz file (gzip is detected from the content). */
  file: string;
  /** The dataset the rows go to; default per kind. */
  datasetId?: string;
  /** Tables: `update` (default) keeps the dataset's rows the file does not hold; events always replace. */
  mode?: ImportMode;
  title?: string;
  /** Default: the release named in the file (GED ged_version, ACD version), else sha256:<12 hex>. */
  version?: string;
  licence?: string;
  licenceUrl?: string | null;
  citation?: string;
  source?: string;
  /** Event kinds: zero-fill country-months for the countries in the file (default) or for every country. */
  coverage?: CoverageMode;
  indicators?: IndicatorOptions;
  onProgress?: (done: number, total: number) => void;
  /** Reuse the country registry (bulk first start); otherwise read from the database. */
  registry?: RegistryData;
};

type ImportError = RowError & { file: string };

export type ImportReport = {
  ok: boolean;
  status: "created" | "replaced" | "updated" | "unchanged" | "rejected";
  kind: ImportKind;
  file: string;
  datasetId: string;
  version: string | null;
  rowCount: number;
  skippedCount: number;
  skippedReasons: Record<string, number>;
  /** The first 100 problems; errorCount counts them all. */
  errors: ImportError[];
  errorCount: number;
  rowsAdded: number;
  rowsRemoved: number;
  rowsChanged: number;
  span: { start: string | null; end: string | null };
  message: string;
  durationMs: number;
};

const stem = (file: string) =>
  basename(file)
    .replace(/\.gz$/i, "")
    .replace(/\.csv$/i, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export const defaultDatasetId = (kind: ImportKind, file: string): string => {
  switch (kind) {
    case "ged":
      return referenceDatasets.events;
    case "views-cm":
      return referenceDatasets.views;
    case "acd":
      return "ucdp-acd";
    case "peace-agreements":
      return "ucdp-peace-agreements";
    case "acled":
      return "acled";
    case "indicators":
      return `indicators-${stem(file)}`;
    case "hxl":
      return `hxl-${stem(file)}`;
  }
};

const TITLES: Record<ImportKind, string> = {
  ged: "UCDP Georeferenced Event Dataset",
  "views-cm": "ViEWS country-month",
  acd: "UCDP/PRIO Armed Conflict Dataset",
  "peace-agreements": "UCDP Peace Agreement Dataset",
  acled: "ACLED events",
  indicators: "Country-year indicators",
  hxl: "HXL events",
};

const summarise = (report: Omit<ImportReport, "message">): string => {
  if (report.status === "rejected") {
    const first = report.errors[0];
    const where = first
      ? ` First: ${first.line > 0 ? `line ${first.line}${first.column ? `, ${first.column}` : ""}${first.value ? ` = "${first.value}"` : ""}: ` : ""}${first.reason}.`
      : "";
    return `${report.file} was refused: ${report.errorCount} problem${report.errorCount === 1 ? "" : "s"}; nothing was imported.${where}`;
  }
  if (report.status === "unchanged")
    return `${report.file} is already imported as ${report.datasetId} ${report.version}; nothing changed.`;
  const verb = { created: "imported", replaced: "replaced", updated: "updated" }[report.status];
  const kept = report.status === "updated" ? "; rows the file does not hold are kept" : "";
  return `${report.file}: ${report.rowCount} rows ${verb} into ${report.datasetId} ${report.version} (${report.rowsAdded} added, ${report.rowsRemoved} removed, ${report.rowsChanged} changed${report.skippedCount ? `, ${report.skippedCount} skipped` : ""}${kept}).`;
};

/**
 * The version of an imported file: the release it names, else its checksum. A file naming the release the
 * dataset already holds, with other content (an edited copy), is told apart by its checksum; a file that names
 * no release and updates the rows held adds its checksum to the held version (`views 1+sha256:…`). Either way
 * a forecast run's dataset versions say which data it read.
 */
const releaseVersion = (
  named: string | null,
  sha256: string,
  held: { version: string; fileSha256: string | null } | null,
  updating: boolean,
): string => {
  const checksum = `sha256:${sha256.slice(0, 12)}`;
  if (!named)
    return updating && held && held.fileSha256 !== sha256 ? `${held.version}+${checksum}` : checksum;
  const holdsRelease = held && (held.version === named || held.version.startsWith(`${named}+`));
  return holdsRelease && held.fileSha256 !== sha256 ? `${named}+${checksum}` : named;
};

/** Whether an import names nothing new about a dataset: a replacement, or new provenance, is carried out. */
const sameProvenance = (input: ImportDatasetInput, held: DatasetRow): boolean =>
  input.mode !== "replace" &&
  (input.version ?? held.version) === held.version &&
  (input.title ?? held.title) === held.title &&
  (input.licence ?? held.licence) === held.licence &&
  (input.licenceUrl ?? held.licenceUrl) === held.licenceUrl &&
  (input.citation ?? held.citation) === held.citation &&
  (input.source ?? held.source) === held.source;

/**
 * The dataset already holding this very file with the same provenance, found by checksum before anything is
 * read or written: under the dataset id given, or, with none given, under any dataset of the kind the importer
 * reads (a bundled file imported again under the id its name suggests would otherwise be a second copy of the
 * same figures). Throws a DataFileError for a file that cannot be read.
 */
const sameFileHeld = async (
  ctx: DataContext,
  input: ImportDatasetInput,
  datasetId: string,
): Promise<DatasetRow | undefined> => {
  const existing = await findDataset(ctx.handle.db, datasetId);
  const held = existing?.fileSha256 && existing.kind === input.kind ? existing : undefined;
  if (!held && (existing || input.datasetId)) return undefined;
  const sha256 = await fileSha256(input.file);
  const same =
    held ??
    (await listDatasets(ctx.handle.db)).find(
      (d) => d.kind === input.kind && d.fileSha256 === sha256 && canReadDataset({ orgId: ctx.orgId }, d),
    );
  return same && sha256 === same.fileSha256 && sameProvenance(input, same) ? same : undefined;
};

/** The dataset's catalogue entry after an import; a new release keeps what the import does not name. */
const datasetEntry = (
  ctx: DataContext,
  input: ImportDatasetInput,
  at: { datasetId: string; file: string; version: string; known: DatasetRow | null },
  read: Awaited<ReturnType<typeof validateFile>>,
) => {
  const { datasetId, file, version, known } = at;
  const { outcome, summary } = read;
  return {
    id: datasetId,
    kind: input.kind,
    title: input.title ?? known?.title ?? TITLES[input.kind],
    version,
    licence: input.licence ?? known?.licence ?? "",
    licenceUrl: input.licenceUrl ?? known?.licenceUrl ?? null,
    citation: input.citation ?? known?.citation ?? "",
    // A source that only named the previous file names this one now.
    source: input.source ?? (known && known.source !== known.fileName ? known.source : file),
    fileName: file,
    fileSha256: summary.sha256,
    // Kept from the dataset's creation on: the platform's own datasets have none.
    ownerOrgId: sharedDatasetIds().has(datasetId) ? null : ctx.orgId,
    importedBy: ctx.actorLabel,
    rowCount: outcome.rowCount,
    skippedCount: outcome.skippedCount,
    spanStart: outcome.span.start,
    spanEnd: outcome.span.end,
  };
};

/** A file with no rows to load would leave the dataset empty (events always replace): refused instead. */
const emptyFileError = (read: Awaited<ReturnType<typeof validateFile>>, file: string): ImportError | null => {
  const { outcome, summary } = read;
  if (outcome.errorCount > 0 || outcome.rowCount > 0) return null;
  const skipped = outcome.skippedCount > 0 ? `; all ${outcome.skippedCount} of its rows are skipped` : "";
  const reason = summary.records === 0 ? "the file is empty" : `the file holds no rows to import${skipped}`;
  return { file, line: 1, column: "", value: "", reason };
};

/**
 * Imports one file as a dataset. The file is read and validated on a worker thread while the rows
 * validated so far are loaded into the database, all in one transaction: any invalid row refuses the
 * whole file and the transaction is rolled back, so the database stays exactly as it was. The same file
 * again (same checksum and release) changes nothing. Returns a report; it throws only for problems
 * outside the file (no registry, database failure).
 */
export const importDataset = async (ctx: DataContext, input: ImportDatasetInput): Promise<ImportReport> => {
  const started = performance.now();
  const file = basename(input.file);
  const datasetId = input.datasetId ?? defaultDatasetId(input.kind, input.file);
  const registry = input.registry ?? (await loadRegistry(ctx.handle.db));
  if (registry.countries.length === 0) {
    throw new DomainError(
      "not_initialised",
      "The country registry is not loaded yet: initialise the bundled data first.",
    );
  }
  const base = { kind: input.kind, file, datasetId, rowsAdded: 0, rowsRemoved: 0, rowsChanged: 0 };
  const finish = (report: Omit<ImportReport, "message" | "durationMs">): ImportReport => {
    const timed = { ...report, durationMs: performance.now() - started };
    return { ...timed, message: summarise(timed) };
  };
  const refused = ({ reason, place }: DataFileError): ImportReport =>
    finish({
      ...base,
      ok: false,
      status: "rejected",
      version: null,
      rowCount: 0,
      skippedCount: 0,
      skippedReasons: {},
      // Line 0: the file as a whole (unreadable, corrupt), not one of its lines.
      errors: [{ file, ...place, value: "", reason }],
      errorCount: 1,
      span: { start: null, end: null },
    });

  let same: DatasetRow | undefined;
  try {
    same = await sameFileHeld(ctx, input, datasetId);
  } catch (error) {
    if (error instanceof DataFileError) return refused(error);
    throw error;
  }
  if (same) {
    const size = await fileSize(input.file);
    input.onProgress?.(size, size);
    return finish({
      ...base,
      datasetId: same.id,
      ok: true,
      status: "unchanged",
      version: same.version,
      rowCount: same.rowCount,
      skippedCount: same.skippedCount,
      skippedReasons: {},
      errors: [],
      errorCount: 0,
      span: { start: same.spanStart, end: same.spanEnd },
    });
  }

  let fileFailure: DataFileError | null = null;
  let read: Awaited<ReturnType<typeof validateFile>> | null = null;
  let errors: ImportError[] = [];
  let errorCount = 0;
  let version = input.version ?? null;
  const { target, columns } = STAGING[input.kind];
  const mode = isEventImportKind(input.kind) ? "replace" : (input.mode ?? "update");
  const result = await replaceDatasetRows(
    ctx.handle,
    {
      datasetId,
      kind: input.kind,
      target,
      columns,
      mode,
      ...(input.version ? { version: input.version } : {}),
    },
    async (copy, held) => {
      const known = held?.kind === input.kind ? held : null;
      // COPY each batch as it arrives, in order, while the worker reads on.
      let loading: Promise<void> = Promise.resolve();
      let stagedRows = 0;
      const validating = validateFile({
        kind: input.kind,
        file: input.file,
        fileLabel: file,
        registry,
        // The file's indicators carry the licence and source the import names, unless their metadata says otherwise.
        indicators: {
          ...(input.licence ? { licence: input.licence } : {}),
          ...(input.source ? { source: input.source } : {}),
          ...input.indicators,
        },
        onLines: (csv, rows) => {
          stagedRows += rows;
          loading = loading.then(() => copy(csv));
          loading.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
        },
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      });
      try {
        read = await validating;
      } catch (error) {
        await loading.catch(() => {});
        if (!(error instanceof DataFileError)) throw error;
        fileFailure = error;
        return null;
      }
      await loading;
      const { outcome, summary } = read;
      const empty = emptyFileError(read, file);
      errors = [...outcome.errors.map((e) => ({ file, ...e })), ...(empty ? [empty] : [])];
      errorCount = outcome.errorCount + (empty ? 1 : 0);
      version =
        input.version ?? releaseVersion(outcome.versionInFile, summary.sha256, known, mode === "update");
      if (errorCount > 0) return null;
      return {
        dataset: datasetEntry(ctx, input, { datasetId, file, version, known }, read),
        stagedRows,
        coverage: outcome.coverage,
        coverageMode: input.coverage ?? "observed",
        indicators: outcome.indicators,
        eventMonths: outcome.eventMonths,
      };
    },
    (trx, r) =>
      auditData(trx, ctx, {
        action: { created: "dataset.import", replaced: "dataset.replace", updated: "dataset.update" }[
          r.status
        ],
        entityId: datasetId,
        after: {
          kind: input.kind,
          file,
          version: r.version,
          rows: read?.outcome.rowCount ?? 0,
          previousVersion: r.previousVersion,
          added: r.rowsAdded,
          removed: r.rowsRemoved,
          changed: r.rowsChanged,
        },
      }),
  );
  const failure = fileFailure as DataFileError | null;
  if (failure) return refused(failure);
  const done = read as Awaited<ReturnType<typeof validateFile>> | null;
  if (!done) throw new Error(`${file}: the import ended without reading the file.`);
  input.onProgress?.(done.summary.bytes, done.summary.bytes);
  const common = {
    ...base,
    version,
    rowCount: done.outcome.rowCount,
    skippedCount: done.outcome.skippedCount,
    skippedReasons: done.outcome.skippedReasons,
    span: done.outcome.span,
  };
  if (!result) return finish({ ...common, ok: false, status: "rejected", errors, errorCount });
  return finish({
    ...common,
    version: result.version,
    ok: true,
    status: result.status,
    errors: [],
    errorCount: 0,
    rowsAdded: result.rowsAdded,
    rowsRemoved: result.rowsRemoved,
    rowsChanged: result.rowsChanged,
  });
};
