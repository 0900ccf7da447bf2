import type { ErrorCollector } from "./error-collector.ts";
import { eventMonthTotals } from "./event-month-totals.ts";
import { coverageTracker, EVENT_COLUMNS, type EventRecord } from "./event-rows.ts";
import { type FieldReader, firstLineOf } from "./field-reader.ts";
import type { ValidationOutcome } from "./types.ts";

type RequiredEventFields = "source" | "sourceEventId" | "dateStart" | "best" | "iso3";
/** An event as a source gives it: what every source has, and whatever else this one knows. */
export type SourceEvent = Pick<EventRecord, RequiredEventFields> & Partial<EventRecord>;

const UNKNOWN = {
  typeOfViolence: null,
  eventType: null,
  subEventType: null,
  latitude: null,
  longitude: null,
  priogridGid: null,
  gwcode: null,
  country: null,
  adm1: null,
  adm2: null,
  wherePrec: null,
  datePrec: null,
  conflictName: null,
  sideA: null,
  sideB: null,
  sourceVersion: null,
} as const;

/** The full record of an event, what its source leaves out unknown; one day and one estimate unless given. */
const eventRecord = (event: SourceEvent): EventRecord => ({
  ...UNKNOWN,
  dateEnd: event.dateStart,
  low: event.best,
  high: event.best,
  ...event,
});

/**
 * What the event validators (GED, ACLED, HXL) keep of the rows they accept: the staged lines, the month
 * totals, the coverage and the ids seen, reported once the file is read.
 */
export const eventCollector = () => {
  const lines: string[] = [];
  const months = eventMonthTotals();
  const coverage = coverageTracker();
  const ids = new Map<string, number>();
  let rowCount = 0;
  return {
    /** The line an event id was first seen on, when this is not its first line. */
    repeatOf: (id: string, line: number) => firstLineOf(ids, id, line),
    /** The row's event id from `column`, required and not seen on an earlier line (else refused). */
    uniqueId(reader: FieldReader, column: string, line: number): string | null {
      const id = reader.requiredText(column);
      const firstLine = id ? firstLineOf(ids, id, line) : undefined;
      if (id && firstLine !== undefined) reader.fail(column, id, repeatedIdReason(firstLine));
      return id;
    },
    /** Keeps an accepted event; `group` sets its coverage apart (e.g. per GED source file). */
    add(event: SourceEvent, group = "") {
      const record = eventRecord(event);
      coverage.add(group, record.iso3, record.dateStart);
      rowCount += 1;
      lines.push(months.line(record));
    },
    takeLines: () => lines.splice(0),
    /** What the file held, once read: one shape for every event source. */
    outcome: (
      errors: ErrorCollector,
      { extraErrors = 0, versionInFile = null }: { extraErrors?: number; versionInFile?: string | null } = {},
    ): ValidationOutcome => ({
      errors: errors.errors,
      errorCount: errors.count + extraErrors,
      rowCount,
      skippedCount: 0,
      skippedReasons: {},
      staged: { target: "events", columns: EVENT_COLUMNS, lines },
      span: coverage.span,
      versionInFile,
      coverage: coverage.groups(),
      indicators: null,
      eventMonths: months.totals(),
    }),
  };
};

/** The reason a repeated event id is refused. */
export const repeatedIdReason = (firstLine: number) => `duplicate event id (first on line ${firstLine})`;
