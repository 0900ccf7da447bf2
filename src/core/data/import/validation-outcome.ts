import type { ErrorCollector } from "./error-collector.ts";
import type { eventMonthTotals } from "./event-month-totals.ts";
import { type coverageTracker, EVENT_COLUMNS } from "./event-rows.ts";
import type { StagedRows, ValidationOutcome } from "./types.ts";

/** What an event validator (GED, ACLED, HXL) reports when the file is read: one shape for all of them. */
export const eventOutcome = (parts: {
  errors: ErrorCollector;
  extraErrors?: number;
  rowCount: number;
  lines: string[];
  coverage: ReturnType<typeof coverageTracker>;
  months: ReturnType<typeof eventMonthTotals>;
  versionInFile?: string | null;
}): ValidationOutcome => ({
  errors: parts.errors.errors,
  errorCount: parts.errors.count + (parts.extraErrors ?? 0),
  rowCount: parts.rowCount,
  skippedCount: 0,
  skippedReasons: {},
  staged: { target: "events", columns: EVENT_COLUMNS, lines: parts.lines },
  span: parts.coverage.span,
  versionInFile: parts.versionInFile ?? null,
  coverage: parts.coverage.groups(),
  indicators: null,
  eventMonths: parts.months.totals(),
});

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
