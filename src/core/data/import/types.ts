import type { CountryResolver } from "../registry.ts";

export const IMPORT_KINDS = [
  "ged",
  "views-cm",
  "acd",
  "peace-agreements",
  "acled",
  "indicators",
  "hxl",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (value: string): value is ImportKind =>
  (IMPORT_KINDS as readonly string[]).includes(value);

/**
 * How a file meets the rows a dataset already holds: `update` writes the file's rows over the same keys and
 * keeps the rest (a file of newer months adds them); `replace` makes the dataset exactly the file. Event
 * files are whole releases and always replace.
 */
export const IMPORT_MODES = ["update", "replace"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Kinds whose files are whole releases of events. */
export const isEventImportKind = (kind: ImportKind): boolean => ["ged", "acled", "hxl"].includes(kind);

/** One problem in an imported file. `line` is the record number in the file; the header is line 1. */
export type RowError = { line: number; column: string; value: string; reason: string };

export type StagingTarget =
  | "events"
  | "country_month"
  | "conflicts"
  | "peace_agreements"
  | "indicator_values";

/** Validated rows as CSV lines (COPY format), ready for a staging table. */
export type StagedRows = { target: StagingTarget; columns: readonly string[]; lines: string[] };

/** Countries and months an event file covers: months without events there are zeros, elsewhere unknown. */
export type CoverageGroup = { label: string; iso3: string[]; from: string; to: string };

export type IndicatorDefinition = {
  code: string;
  name: string;
  unit: string;
  description: string;
  source: string;
  licence: string;
};

export type ValidationOutcome = {
  /** The first MAX_REPORTED_ERRORS problems. */
  errors: RowError[];
  errorCount: number;
  rowCount: number;
  skippedCount: number;
  skippedReasons: Record<string, number>;
  staged: StagedRows;
  span: { start: string | null; end: string | null };
  /** The release named by the file itself (GED ged_version, ACD version), if any. */
  versionInFile: string | null;
  coverage: CoverageGroup[] | null;
  indicators: IndicatorDefinition[] | null;
  /** Event files: their totals by country-month and by PRIO-GRID-cell-month, as CSV lines. */
  eventMonths: { countryMonths: string[]; gridMonths: string[] } | null;
};

/**
 * Receives every record of the file in order, the header first. `takeLines` hands over the staged lines
 * validated so far (they can be loaded while the rest of the file is read); `finish` returns the rest.
 */
export type RowValidator = {
  row(cells: string[], line: number): void;
  takeLines(): string[];
  finish(): ValidationOutcome;
};

export type IndicatorOptions = {
  /** For long files without an indicator column: the indicator code of the `value` column. */
  indicator?: string;
  /** Per-indicator metadata by code (column name in wide files). */
  metadata?: Record<string, Partial<Omit<IndicatorDefinition, "code">>>;
  /** Keep only these indicator columns of a wide file. */
  columns?: string[];
  /** The unit of every indicator the metadata does not give one. */
  unit?: string;
  source?: string;
  licence?: string;
};

export type ValidatorOptions = {
  resolver: CountryResolver;
  indicators?: IndicatorOptions;
  fileLabel?: string;
};

export const MAX_REPORTED_ERRORS = 100;
