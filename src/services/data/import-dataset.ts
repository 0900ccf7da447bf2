import { basename } from "node:path";
import {
  createValidator,
  type ImportKind,
  type IndicatorOptions,
  type RowError,
} from "../../core/data/import/index.ts";
import { type CountryResolver, createResolver } from "../../core/data/registry.ts";
import { DomainError } from "../../core/shared/errors.ts";
import { type CoverageMode, replaceDatasetRows } from "../../repositories/data/bulk-load.ts";
import { DataFileError, readCsvFile } from "../../repositories/data/data-files.ts";
import { loadRegistry } from "../../repositories/data/registry.repository.ts";
import { auditData, type DataContext } from "./data-context.ts";

export type ImportDatasetInput = {
  kind: ImportKind;
  /** Path of a .csv or .csv.gz file (gzip is detected from the content). */
  file: string;
  /** Rows of a dataset id are replaced as a whole by the next import with the same id. Default per kind. */
  datasetId?: string;
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
  /** Reuse a resolver (bulk first start); otherwise built from the stored registry. */
  resolver?: CountryResolver;
};

export type ImportError = RowError & { file: string };

export type ImportReport = {
  ok: boolean;
  status: "created" | "replaced" | "unchanged" | "rejected";
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
      return "ucdp-ged";
    case "views-cm":
      return "views-cm";
    case "acd":
      return "ucdp-acd";
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
  acled: "ACLED events",
  indicators: "Country-year indicators",
  hxl: "HXL events",
};

const summarise = (report: Omit<ImportReport, "message">): string => {
  if (report.status === "rejected") {
    const first = report.errors[0];
    const where = first
      ? ` First: line ${first.line}, ${first.column}${first.value ? ` = "${first.value}"` : ""}: ${first.reason}.`
      : "";
    return `${report.file} was refused: ${report.errorCount} problem${report.errorCount === 1 ? "" : "s"}; nothing was imported.${where}`;
  }
  if (report.status === "unchanged")
    return `${report.file} is already imported as ${report.datasetId} ${report.version}; nothing changed.`;
  return `${report.file}: ${report.rowCount} rows ${report.status === "created" ? "imported" : "replaced"} into ${report.datasetId} ${report.version} (${report.rowsAdded} added, ${report.rowsRemoved} removed, ${report.rowsChanged} changed${report.skippedCount ? `, ${report.skippedCount} skipped` : ""}).`;
};

/**
 * Imports one file as a dataset: validate every row (any invalid row refuses the whole file and the
 * database stays exactly as it was), then COPY and replace the dataset's rows in one transaction.
 * Returns a report; it throws only for problems outside the file (no registry, database failure).
 */
export const importDataset = async (ctx: DataContext, input: ImportDatasetInput): Promise<ImportReport> => {
  const started = performance.now();
  const file = basename(input.file);
  const datasetId = input.datasetId ?? defaultDatasetId(input.kind, input.file);
  let resolver = input.resolver;
  if (!resolver) {
    const registry = await loadRegistry(ctx.handle.db);
    if (registry.countries.length === 0) {
      throw new DomainError(
        "not_initialised",
        "The country registry is not loaded yet: initialise the bundled data first.",
      );
    }
    resolver = createResolver(registry);
  }
  const validator = createValidator(input.kind, {
    resolver,
    indicators: input.indicators ?? {},
    fileLabel: file,
  });
  const base = {
    kind: input.kind,
    file,
    datasetId,
    rowsAdded: 0,
    rowsRemoved: 0,
    rowsChanged: 0,
  };
  let summary: Awaited<ReturnType<typeof readCsvFile>>;
  try {
    summary = await readCsvFile(input.file, (cells, line) => validator.row(cells, line), input.onProgress);
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    const report = {
      ...base,
      ok: false,
      status: "rejected" as const,
      version: null,
      rowCount: 0,
      skippedCount: 0,
      skippedReasons: {},
      errors: [{ file, line: 0, column: "", value: file, reason: error.message }],
      errorCount: 1,
      span: { start: null, end: null },
      durationMs: performance.now() - started,
    };
    return { ...report, message: summarise(report) };
  }
  const outcome = validator.finish();
  const errors: ImportError[] = outcome.errors.map((e) => ({ file, ...e }));
  let errorCount = outcome.errorCount;
  if (summary.records === 0) {
    errors.push({ file, line: 1, column: "", value: "", reason: "the file is empty" });
    errorCount += 1;
  }
  const version = input.version ?? outcome.versionInFile ?? `sha256:${summary.sha256.slice(0, 12)}`;
  const common = {
    ...base,
    version,
    rowCount: outcome.rowCount,
    skippedCount: outcome.skippedCount,
    skippedReasons: outcome.skippedReasons,
    span: outcome.span,
  };
  if (errorCount > 0) {
    const report = {
      ...common,
      ok: false,
      status: "rejected" as const,
      errors,
      errorCount,
      durationMs: performance.now() - started,
    };
    return { ...report, message: summarise(report) };
  }
  const result = await replaceDatasetRows(
    ctx.handle,
    {
      dataset: {
        id: datasetId,
        kind: input.kind,
        title: input.title ?? TITLES[input.kind],
        version,
        licence: input.licence ?? "",
        licenceUrl: input.licenceUrl ?? null,
        citation: input.citation ?? "",
        source: input.source ?? file,
        fileName: file,
        fileSha256: summary.sha256,
        importedBy: ctx.actorLabel,
        rowCount: outcome.rowCount,
        skippedCount: outcome.skippedCount,
        spanStart: outcome.span.start,
        spanEnd: outcome.span.end,
      },
      staged: outcome.staged,
      coverage: outcome.coverage,
      coverageMode: input.coverage ?? "observed",
      indicators: outcome.indicators,
    },
    (trx, r) =>
      auditData(trx, ctx, {
        action: r.status === "created" ? "dataset.import" : "dataset.replace",
        entityId: datasetId,
        after: {
          kind: input.kind,
          file,
          version,
          rows: outcome.rowCount,
          previousVersion: r.previousVersion,
          added: r.rowsAdded,
          removed: r.rowsRemoved,
          changed: r.rowsChanged,
        },
      }),
  );
  input.onProgress?.(summary.bytes, summary.bytes);
  const report = {
    ...common,
    ok: true,
    status: result.status,
    errors: [],
    errorCount: 0,
    rowsAdded: result.rowsAdded,
    rowsRemoved: result.rowsRemoved,
    rowsChanged: result.rowsChanged,
    durationMs: performance.now() - started,
  };
  return { ...report, message: summarise(report) };
};
