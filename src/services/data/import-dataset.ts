import { basename } from "node:path";
import { canReadDataset } from "../../core/access/policies.ts";
import {
  type ImportKind,
  type ImportMode,
  type IndicatorOptions,
  isEventImportKind,
  STAGING,
} from "../../core/data/import/index.ts";
import { referenceDatasets } from "../../core/data/reference-datasets.ts";
import type { RegistryData } from "../../core/data/registry.ts";
import { DomainError } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import {
  type CoverageMode,
  type ReplaceResult,
  replaceDatasetRows,
} from "../../repositories/data/bulk-load.ts";
import { DataFileError, fileSha256, fileSize } from "../../repositories/data/data-files.ts";
import { type DatasetRow, findDataset, listDatasets } from "../../repositories/data/datasets.repository.ts";
import { loadRegistry } from "../../repositories/data/registry.repository.ts";
import { type ValidatedFile, validateFile } from "../../repositories/data/validate-file.ts";
import { auditData, type DataContext } from "./data-context.ts";
import { type ImportError, type ImportReport, importReports } from "./import-report.ts";
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
  read: ValidatedFile,
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
const emptyFileError = (read: ValidatedFile, file: string): ImportError | null => {
  const { outcome, summary } = read;
  if (outcome.errorCount > 0 || outcome.rowCount > 0) return null;
  const skipped = outcome.skippedCount > 0 ? `; all ${outcome.skippedCount} of its rows are skipped` : "";
  const reason = summary.records === 0 ? "the file is empty" : `the file holds no rows to import${skipped}`;
  return { file, line: 1, column: "", value: "", reason };
};

/** What reading the file found, kept beside the transaction, which a refused file rolls back. */
type Reading = {
  read: ValidatedFile | null;
  /** The file could not be read as CSV at all. */
  failure: DataFileError | null;
  errors: ImportError[];
  errorCount: number;
  version: string | null;
};

/**
 * Feeds the load: the worker reads and validates the file while each validated batch is copied into the
 * database, in order. Says what the file held, or null to roll back a file with any problem.
 */
const fileFeed = (
  ctx: DataContext,
  input: ImportDatasetInput,
  at: { datasetId: string; file: string; registry: RegistryData; mode: ImportMode },
) => {
  const reading: Reading = {
    read: null,
    failure: null,
    errors: [],
    errorCount: 0,
    version: input.version ?? null,
  };
  const feed = async (copy: (csv: string) => Promise<void>, held: DatasetRow | undefined) => {
    const known = held?.kind === input.kind ? held : null;
    let loading: Promise<void> = Promise.resolve();
    let stagedRows = 0;
    const validating = validateFile({
      kind: input.kind,
      file: input.file,
      fileLabel: at.file,
      registry: at.registry,
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
    let read: ValidatedFile;
    try {
      read = await validating;
    } catch (error) {
      await loading.catch(() => {});
      if (!(error instanceof DataFileError)) throw error;
      reading.failure = error;
      return null;
    }
    await loading;
    const { outcome, summary } = read;
    const empty = emptyFileError(read, at.file);
    reading.read = read;
    reading.errors = [...outcome.errors.map((e) => ({ file: at.file, ...e })), ...(empty ? [empty] : [])];
    reading.errorCount = outcome.errorCount + (empty ? 1 : 0);
    reading.version =
      input.version ?? releaseVersion(outcome.versionInFile, summary.sha256, known, at.mode === "update");
    if (reading.errorCount > 0) return null;
    return {
      dataset: datasetEntry(
        ctx,
        input,
        { datasetId: at.datasetId, file: at.file, version: reading.version, known },
        read,
      ),
      stagedRows,
      coverage: outcome.coverage,
      coverageMode: input.coverage ?? "observed",
      indicators: outcome.indicators,
      eventMonths: outcome.eventMonths,
    };
  };
  return { reading, feed };
};

/** The audit entry of a committed import, written in its transaction. */
const auditImport =
  (ctx: DataContext, input: ImportDatasetInput, at: { datasetId: string; file: string }, reading: Reading) =>
  (trx: Db, result: ReplaceResult) =>
    auditData(trx, ctx, {
      action: { created: "dataset.import", replaced: "dataset.replace", updated: "dataset.update" }[
        result.status
      ],
      entityId: at.datasetId,
      after: {
        kind: input.kind,
        file: at.file,
        version: result.version,
        rows: reading.read?.outcome.rowCount ?? 0,
        previousVersion: result.previousVersion,
        added: result.rowsAdded,
        removed: result.rowsRemoved,
        changed: result.rowsChanged,
      },
    });

const registryFor = async (ctx: DataContext, input: ImportDatasetInput): Promise<RegistryData> => {
  const registry = input.registry ?? (await loadRegistry(ctx.handle.db));
  if (registry.countries.length === 0) {
    throw new DomainError(
      "not_initialised",
      "The country registry is not loaded yet: initialise the bundled data first.",
    );
  }
  return registry;
};

/** The dataset already holding this very file, or the file's own reading failure. */
const heldAlready = async (
  ctx: DataContext,
  input: ImportDatasetInput,
  datasetId: string,
): Promise<DatasetRow | DataFileError | undefined> => {
  try {
    return await sameFileHeld(ctx, input, datasetId);
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
};

/**
 * Imports one file as a dataset. The file is read and validated on a worker thread while the rows
 * validated so far are loaded into the database, all in one transaction: any invalid row refuses the
 * whole file and the transaction is rolled back, so the database stays exactly as it was. The same file
 * again (same checksum and release) changes nothing. Returns a report; it throws only for problems
 * outside the file (no registry, database failure).
 */
export const importDataset = async (ctx: DataContext, input: ImportDatasetInput): Promise<ImportReport> => {
  const file = basename(input.file);
  const datasetId = input.datasetId ?? defaultDatasetId(input.kind, input.file);
  const reports = importReports({ kind: input.kind, file, datasetId }, performance.now());
  const registry = await registryFor(ctx, input);
  const held = await heldAlready(ctx, input, datasetId);
  if (held instanceof DataFileError) return reports.unreadable(held);
  if (held) {
    const size = await fileSize(input.file);
    input.onProgress?.(size, size);
    return reports.unchanged(held);
  }
  const mode = isEventImportKind(input.kind) ? "replace" : (input.mode ?? "update");
  const { reading, feed } = fileFeed(ctx, input, { datasetId, file, registry, mode });
  const { target, columns } = STAGING[input.kind];
  const plan = {
    datasetId,
    kind: input.kind,
    target,
    columns,
    mode,
    ...(input.version ? { version: input.version } : {}),
  };
  const result = await replaceDatasetRows(
    ctx.handle,
    plan,
    feed,
    auditImport(ctx, input, { datasetId, file }, reading),
  );
  if (reading.failure) return reports.unreadable(reading.failure);
  if (!reading.read) throw new Error(`${file}: the import ended without reading the file.`);
  input.onProgress?.(reading.read.summary.bytes, reading.read.summary.bytes);
  return result
    ? reports.loaded(reading.read, result)
    : reports.rejected(reading.read, {
        errors: reading.errors,
        errorCount: reading.errorCount,
        version: reading.version,
      });
};
