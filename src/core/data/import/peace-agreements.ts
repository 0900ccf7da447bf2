import { isoCodesOfGwList } from "./country-codes.ts";
import { csvLine } from "./csv-line.ts";
import { errorCollector } from "./error-collector.ts";
import { type FieldReader, firstLineOf, recordReader, splitList, WHOLE_NUMBER } from "./field-reader.ts";
import type { RowValidator, ValidatorOptions } from "./types.ts";
import { tableOutcome } from "./validation-outcome.ts";

/** Columns of the UCDP Peace Agreement Dataset (one row per agreement) read on import; others are ignored. */
export const PEACE_AGREEMENT_FILE_COLUMNS = [
  "paid",
  "gwno",
  "conflict_id",
  "conflict_name",
  "pa_name",
  "year",
  "pa_date",
  "pa_type",
  "version",
] as const;

/**
 * The staged columns. conflict_id holds the conflict when the agreement concerns one, so it can be joined
 * with conflicts; conflict_ids keeps every id the file lists.
 */
export const PEACE_AGREEMENT_COLUMNS = [
  "paid",
  "conflict_id",
  "conflict_ids",
  "conflict_name",
  "gwno",
  "iso3",
  "year",
  "pa_date",
  "pa_name",
  "pa_type",
  "version",
] as const;

/** 1 full, 2 partial, 3 peace process agreement. */
const PA_TYPES = [1, 2, 3] as const;

/**
 * The conflicts an agreement concerns: UCDP lists several ids (e.g. "389, 398") when one agreement settles
 * more than one conflict. Null after an error.
 */
const conflictIds = (reader: FieldReader): number[] | null => {
  const value = reader.requiredText("conflict_id");
  if (!value) return null;
  const ids: number[] = [];
  for (const part of splitList(value)) {
    if (!WHOLE_NUMBER.test(part)) return reader.fail("conflict_id", value, `"${part}" is not a conflict id`);
    ids.push(Number(part));
  }
  return ids;
};

/**
 * Validates a UCDP Peace Agreement Dataset file: one row per agreement (paid), dated by pa_date. The year
 * column is kept as written, even where it differs from the year of pa_date.
 */
export const peaceAgreementsValidator = ({ resolver }: ValidatorOptions): RowValidator => {
  const errors = errorCollector();
  const lines: string[] = [];
  const firstLine = new Map<number, number>();
  const versions = new Set<string>();
  const recordAt = recordReader(PEACE_AGREEMENT_FILE_COLUMNS, errors);
  let start: string | null = null;
  let end: string | null = null;
  let rowCount = 0;
  return {
    row(cells, line) {
      const r = recordAt(cells, line);
      if (!r) return;
      const paid = r.integer("paid");
      if (paid !== null) {
        const first = firstLineOf(firstLine, paid, line);
        if (first !== undefined) r.fail("paid", String(paid), `duplicate paid (first on line ${first})`);
      }
      const year = r.year("year");
      const date = r.date("pa_date");
      const type = r.oneOf("pa_type", PA_TYPES);
      const name = r.requiredText("pa_name");
      const conflicts = conflictIds(r);
      const gwno = r.requiredText("gwno");
      const iso3 = gwno ? isoCodesOfGwList(r, resolver, "gwno", gwno, date) : [];
      if (r.rowFailed() || paid === null || year === null || date === null || !conflicts || !gwno) return;
      const version = r.optionalText("version");
      if (version) versions.add(version);
      rowCount += 1;
      if (start === null || date < start) start = date;
      if (end === null || date > end) end = date;
      lines.push(
        csvLine([
          paid,
          conflicts.length === 1 ? conflicts[0] : null,
          conflicts.join(", "),
          r.optionalText("conflict_name"),
          gwno,
          iso3.join(","),
          year,
          date,
          name,
          type,
          version,
        ]),
      );
    },
    takeLines: () => lines.splice(0),
    finish: () =>
      tableOutcome({
        errors,
        rowCount,
        staged: { target: "peace_agreements", columns: PEACE_AGREEMENT_COLUMNS, lines },
        span: { start, end },
        versions,
      }),
  };
};
