import type { ErrorCollector } from "./error-collector.ts";
import type { StagedRows, ValidationOutcome } from "./types.ts";

/** What a validator of a plain table (ACD, ViEWS cm, peace agreements) reports: no coverage, no events. */
export const tableOutcome = (parts: {
  errors: ErrorCollector;
  rowCount: number;
  staged: StagedRows;
  span: ValidationOutcome["span"];
  versions?: ReadonlySet<string>;
}): ValidationOutcome => ({
  errors: parts.errors.errors,
  errorCount: parts.errors.count,
  rowCount: parts.rowCount,
  skippedCount: 0,
  skippedReasons: {},
  staged: parts.staged,
  span: parts.span,
  versionInFile: parts.versions?.size ? [...parts.versions].sort().join(" + ") : null,
  coverage: null,
  indicators: null,
  eventMonths: null,
});
