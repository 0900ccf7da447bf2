import type { ImportKind, RowError } from "../../core/data/import/index.ts";
import type { ReplaceResult } from "../../repositories/data/bulk-load.ts";
import type { DataFileError } from "../../repositories/data/data-files.ts";
import type { DatasetRow } from "../../repositories/data/datasets.repository.ts";
import type { ValidatedFile } from "../../repositories/data/validate-file.ts";

export type ImportError = RowError & { file: string };

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

/** The reports one import can end with, each timed from the import's start and summed up in words. */
export const importReports = (at: { kind: ImportKind; file: string; datasetId: string }, started: number) => {
  const base = { ...at, rowsAdded: 0, rowsRemoved: 0, rowsChanged: 0 };
  const finish = (report: Omit<ImportReport, "message" | "durationMs">): ImportReport => {
    const timed = { ...report, durationMs: performance.now() - started };
    return { ...timed, message: summarise(timed) };
  };
  const readAs = ({ outcome }: ValidatedFile, version: string | null) => ({
    ...base,
    version,
    rowCount: outcome.rowCount,
    skippedCount: outcome.skippedCount,
    skippedReasons: outcome.skippedReasons,
    span: outcome.span,
  });
  return {
    unreadable: ({ reason, place }: DataFileError): ImportReport =>
      finish({
        ...base,
        ok: false,
        status: "rejected",
        version: null,
        rowCount: 0,
        skippedCount: 0,
        skippedReasons: {},
        // Line 0: the file as a whole (unreadable, corrupt), not one of its lines.
        errors: [{ file: at.file, ...place, value: "", reason }],
        errorCount: 1,
        span: { start: null, end: null },
      }),
    unchanged: (held: DatasetRow): ImportReport =>
      finish({
        ...base,
        datasetId: held.id,
        ok: true,
        status: "unchanged",
        version: held.version,
        rowCount: held.rowCount,
        skippedCount: held.skippedCount,
        skippedReasons: {},
        errors: [],
        errorCount: 0,
        span: { start: held.spanStart, end: held.spanEnd },
      }),
    rejected: (
      read: ValidatedFile,
      refusal: { errors: ImportError[]; errorCount: number; version: string | null },
    ) => finish({ ...readAs(read, refusal.version), ok: false, status: "rejected", ...refusal }),
    loaded: (read: ValidatedFile, result: ReplaceResult): ImportReport =>
      finish({
        ...readAs(read, result.version),
        ok: true,
        status: result.status,
        errors: [],
        errorCount: 0,
        rowsAdded: result.rowsAdded,
        rowsRemoved: result.rowsRemoved,
        rowsChanged: result.rowsChanged,
      }),
  };
};
