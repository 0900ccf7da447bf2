import { parseDate } from "../dates.ts";
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

const optionalDate = (reader: FieldReader, column: string): string | null => {
  const value = reader.text(column);
  if (!value) return null;
  return parseDate(value) ?? reader.fail(column, value, "unparseable date (expected YYYY-MM-DD)");
};

/** Validates an ACD conflict-year file; gwno_loc (a comma-separated GW list) must name known codes. */
export const acdValidator = ({ resolver }: ValidatorOptions): RowValidator => {
  const errors = errorCollector();
  const lines: string[] = [];
  const keys = new Map<string, number>();
  const versions = new Set<string>();
  let reader: FieldReader | null = null;
  let minYear: number | null = null;
  let maxYear: number | null = null;
  let rowCount = 0;
  return {
    row(cells, line) {
      if (line === 1) {
        const index = checkHeader(cells, ACD_COLUMNS, errors);
        if (index) reader = fieldReader(errors, index, cells.length);
        return;
      }
      if (!reader?.start(cells, line)) return;
      const r = reader;
      const before = errors.count;
      const conflictId = r.integer("conflict_id");
      const year = r.year("year");
      const incompatibility = r.oneOf("incompatibility", [1, 2, 3]);
      const intensity = r.oneOf("intensity_level", [1, 2]);
      const type = r.oneOf("type_of_conflict", [1, 2, 3, 4]);
      const location = r.requiredText("location");
      const sideA = r.requiredText("side_a");
      const sideB = r.requiredText("side_b");
      const startDate = optionalDate(r, "start_date");
      const startDate2 = optionalDate(r, "start_date2");
      const epEndDate = optionalDate(r, "ep_end_date");
      const loc = r.requiredText("gwno_loc");
      const iso3 = new Set<string>();
      if (loc && year !== null) {
        for (const part of loc.split(",").map((p) => p.trim())) {
          const gw = Number(part);
          if (!Number.isInteger(gw)) {
            r.fail("gwno_loc", loc, `"${part}" is not a GW code`);
            continue;
          }
          if (!resolver.isKnownGw(gw)) {
            r.fail("gwno_loc", part, `GW code ${gw}: unknown Gleditsch–Ward code`);
            continue;
          }
          // A known state without an ISO match (e.g. Hyderabad 1948) keeps its GW code only.
          try {
            iso3.add(resolver.fromGw(gw, `${year}-07-01`).iso3);
          } catch {
            // no ISO3 for this location
          }
        }
      }
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
      if (errors.count > before || conflictId === null || year === null || !loc) return;
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
          [...iso3].join(","),
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
