import { parseDate } from "../dates.ts";
import type { CountryResolver } from "../registry.ts";
import {
  checkHeader,
  csvLine,
  errorCollector,
  type FieldReader,
  fieldReader,
  firstLineOf,
  tableOutcome,
} from "./common.ts";
import type { RowValidator, ValidatorOptions } from "./types.ts";

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

/** Digits only: Number() would read an empty part of "471, " as 0. */
const WHOLE_NUMBER = /^\d+$/;

const splitList = (value: string): string[] => value.split(",").map((part) => part.trim());

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

const agreementDate = (reader: FieldReader): string | null => {
  const value = reader.requiredText("pa_date");
  if (!value) return null;
  return parseDate(value) ?? reader.fail("pa_date", value, "unparseable date (expected YYYY-MM-DD)");
};

/**
 * The ISO3 codes of the countries in gwno (a comma-separated GW list) on the agreement's date, once known;
 * every code must be a known GW code.
 */
const countries = (
  reader: FieldReader,
  resolver: CountryResolver,
  gwno: string,
  date: string | null,
): string[] => {
  const iso3 = new Set<string>();
  for (const part of splitList(gwno)) {
    if (!WHOLE_NUMBER.test(part)) {
      reader.fail("gwno", gwno, `"${part}" is not a GW code`);
      continue;
    }
    const gw = Number(part);
    if (!resolver.isKnownGw(gw)) {
      reader.fail("gwno", part, `GW code ${gw}: unknown Gleditsch–Ward code`);
      continue;
    }
    if (date === null) continue;
    // A known state without an ISO match on that date keeps its GW code only.
    try {
      iso3.add(resolver.fromGw(gw, date).iso3);
    } catch {
      // no ISO3 for this state
    }
  }
  return [...iso3];
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
  let reader: FieldReader | null = null;
  let start: string | null = null;
  let end: string | null = null;
  let rowCount = 0;
  return {
    row(cells, line) {
      if (line === 1) {
        const index = checkHeader(cells, PEACE_AGREEMENT_FILE_COLUMNS, errors);
        if (index) reader = fieldReader(errors, index, cells.length);
        return;
      }
      if (!reader?.start(cells, line)) return;
      const r = reader;
      const before = errors.count;
      const paid = r.integer("paid");
      if (paid !== null) {
        const first = firstLineOf(firstLine, paid, line);
        if (first !== undefined) r.fail("paid", String(paid), `duplicate paid (first on line ${first})`);
      }
      const year = r.year("year");
      const date = agreementDate(r);
      const type = r.oneOf("pa_type", PA_TYPES);
      const name = r.requiredText("pa_name");
      const conflicts = conflictIds(r);
      const gwno = r.requiredText("gwno");
      const iso3 = gwno ? countries(r, resolver, gwno, date) : [];
      if (errors.count > before || paid === null || year === null || date === null || !conflicts || !gwno)
        return;
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
