import { isoCodesOfGwList } from "./country-codes.ts";
import { csvLine } from "./csv-line.ts";
import { errorCollector } from "./error-collector.ts";
import { firstLineOf, recordReader } from "./field-reader.ts";
import type { RowValidator, ValidatorOptions } from "./types.ts";
import { tableOutcome } from "./validation-outcome.ts";

/** Columns of the UCDP/PRIO Armed Conflict Dataset (conflict-year). */
export const ACD_COLUMNS = [
  "conflict_id",
  "location",
  "side_a",
  "side_a_id",
  "side_a_2nd",
  "side_b",
  "side_b_id",
  "side_b_2nd",
  "incompatibility",
  "territory_name",
  "year",
  "intensity_level",
  "cumulative_intensity",
  "type_of_conflict",
  "start_date",
  "start_prec",
  "start_date2",
  "start_prec2",
  "ep_end",
  "ep_end_date",
  "ep_end_prec",
  "gwno_a",
  "gwno_a_2nd",
  "gwno_b",
  "gwno_b_2nd",
  "gwno_loc",
  "region",
  "version",
] as const;

export const CONFLICT_COLUMNS = [
  "conflict_id",
  "year",
  "location",
  "side_a",
  "side_a_id",
  "side_a_2nd",
  "side_b",
  "side_b_id",
  "side_b_2nd",
  "incompatibility",
  "territory_name",
  "intensity_level",
  "cumulative_intensity",
  "type_of_conflict",
  "start_date",
  "start_prec",
  "start_date2",
  "start_prec2",
  "ep_end",
  "ep_end_date",
  "ep_end_prec",
  "gwno_a",
  "gwno_a_2nd",
  "gwno_b",
  "gwno_b_2nd",
  "gwno_loc",
  "iso3_loc",
  "region",
  "version",
] as const;

/** Validates an ACD conflict-year file; gwno_loc (a comma-separated GW list) must name known codes. */
export const acdValidator = ({ resolver }: ValidatorOptions): RowValidator => {
  const errors = errorCollector();
  const lines: string[] = [];
  const keys = new Map<string, number>();
  const versions = new Set<string>();
  const recordAt = recordReader(ACD_COLUMNS, errors);
  let minYear: number | null = null;
  let maxYear: number | null = null;
  let rowCount = 0;
  return {
    row(cells, line) {
      const r = recordAt(cells, line);
      if (!r) return;
      const conflictId = r.integer("conflict_id");
      const year = r.year("year");
      const incompatibility = r.oneOf("incompatibility", [1, 2, 3]);
      const intensity = r.oneOf("intensity_level", [1, 2]);
      const type = r.oneOf("type_of_conflict", [1, 2, 3, 4]);
      const location = r.requiredText("location");
      const sideA = r.requiredText("side_a");
      const sideB = r.requiredText("side_b");
      const startDate = r.date("start_date", false);
      const startDate2 = r.date("start_date2", false);
      const epEndDate = r.date("ep_end_date", false);
      const loc = r.requiredText("gwno_loc");
      const iso3 = loc
        ? isoCodesOfGwList(r, resolver, "gwno_loc", loc, year === null ? null : `${year}-07-01`)
        : [];
      if (conflictId !== null && year !== null) {
        const key = `${conflictId}:${year}`;
        const first = firstLineOf(keys, key, line);
        if (first !== undefined)
          r.fail(
            "year",
            String(year),
            `duplicate conflict_id ${conflictId} and year (first on line ${first})`,
          );
      }
      if (r.rowFailed() || conflictId === null || year === null || !loc) return;
      const version = r.optionalText("version");
      if (version) versions.add(version);
      rowCount += 1;
      if (minYear === null || year < minYear) minYear = year;
      if (maxYear === null || year > maxYear) maxYear = year;
      lines.push(
        csvLine([
          conflictId,
          year,
          location,
          sideA,
          r.optionalText("side_a_id"),
          r.optionalText("side_a_2nd"),
          sideB,
          r.optionalText("side_b_id"),
          r.optionalText("side_b_2nd"),
          incompatibility,
          r.optionalText("territory_name"),
          intensity,
          r.integer("cumulative_intensity", false),
          type,
          startDate,
          r.integer("start_prec", false),
          startDate2,
          r.integer("start_prec2", false),
          r.integer("ep_end", false),
          epEndDate,
          r.integer("ep_end_prec", false),
          r.optionalText("gwno_a"),
          r.optionalText("gwno_a_2nd"),
          r.optionalText("gwno_b"),
          r.optionalText("gwno_b_2nd"),
          loc,
          iso3.join(","),
          r.optionalText("region"),
          version,
        ]),
      );
    },
    takeLines: () => lines.splice(0),
    finish: () =>
      tableOutcome({
        errors,
        rowCount,
        staged: { target: "conflicts", columns: CONFLICT_COLUMNS, lines },
        span: {
          start: minYear === null ? null : `${minYear}-01-01`,
          end: maxYear === null ? null : `${maxYear}-12-31`,
        },
        versions,
      }),
  };
};
