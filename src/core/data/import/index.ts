import { acdValidator, CONFLICT_COLUMNS } from "./acd.ts";
import { acledValidator } from "./acled.ts";
import { EVENT_COLUMNS } from "./event-rows.ts";
import { gedValidator } from "./ged.ts";
import { hxlValidator } from "./hxl.ts";
import { INDICATOR_VALUE_COLUMNS, indicatorsValidator } from "./indicators.ts";
import { PEACE_AGREEMENT_COLUMNS, peaceAgreementsValidator } from "./peace-agreements.ts";
import type {
  ImportKind,
  RowValidator,
  StagingTarget,
  ValidationOutcome,
  ValidatorOptions,
} from "./types.ts";
import { COUNTRY_MONTH_COLUMNS, viewsCmValidator } from "./views-cm.ts";

export * from "./types.ts";

const validators: Record<ImportKind, (options: ValidatorOptions) => RowValidator> = {
  ged: gedValidator,
  "views-cm": viewsCmValidator,
  acd: acdValidator,
  "peace-agreements": peaceAgreementsValidator,
  acled: acledValidator,
  indicators: indicatorsValidator,
  hxl: hxlValidator,
};

/** Where each kind's validated rows are loaded, and in which columns (known before any row is read). */
export const STAGING: Record<ImportKind, { target: StagingTarget; columns: readonly string[] }> = {
  ged: { target: "events", columns: EVENT_COLUMNS },
  acled: { target: "events", columns: EVENT_COLUMNS },
  hxl: { target: "events", columns: EVENT_COLUMNS },
  "views-cm": { target: "country_month", columns: COUNTRY_MONTH_COLUMNS },
  acd: { target: "conflicts", columns: CONFLICT_COLUMNS },
  "peace-agreements": { target: "peace_agreements", columns: PEACE_AGREEMENT_COLUMNS },
  indicators: { target: "indicator_values", columns: INDICATOR_VALUE_COLUMNS },
};

/** The row validator of an import kind. */
export const createValidator = (kind: ImportKind, options: ValidatorOptions): RowValidator =>
  validators[kind](options);

/** Validates rows already in memory (tests, small files): the header is the first row. */
export const validateRows = (
  kind: ImportKind,
  rows: string[][],
  options: ValidatorOptions,
): ValidationOutcome => {
  const validator = createValidator(kind, options);
  rows.forEach((cells, i) => {
    validator.row(cells, i + 1);
  });
  const outcome = validator.finish();
  if (rows.length === 0) {
    return {
      ...outcome,
      errorCount: 1,
      errors: [{ line: 1, column: "", value: "", reason: "the file is empty" }],
    };
  }
  return outcome;
};
