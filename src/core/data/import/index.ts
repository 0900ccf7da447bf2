import { acdValidator } from "./acd.ts";
import { acledValidator } from "./acled.ts";
import { gedValidator } from "./ged.ts";
import { hxlValidator } from "./hxl.ts";
import { indicatorsValidator } from "./indicators.ts";
import type { ImportKind, RowValidator, ValidationOutcome, ValidatorOptions } from "./types.ts";
import { viewsCmValidator } from "./views-cm.ts";

export * from "./types.ts";

const validators: Record<ImportKind, (options: ValidatorOptions) => RowValidator> = {
  ged: gedValidator,
  "views-cm": viewsCmValidator,
  acd: acdValidator,
  acled: acledValidator,
  indicators: indicatorsValidator,
  hxl: hxlValidator,
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
