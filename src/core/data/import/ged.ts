import { PRIOGRID_CELLS, priogridGid } from "../priogrid.ts";
import { datedRowToleranceDays, resolveOrFail } from "./country-codes.ts";
import { errorCollector } from "./error-collector.ts";
import { eventMonthTotals } from "./event-month-totals.ts";
import { coverageTracker } from "./event-rows.ts";
import { type FieldReader, fieldReader, firstLineOf } from "./field-reader.ts";
import { checkHeader } from "./header.ts";
import type { RowValidator, ValidatorOptions } from "./types.ts";
import { eventOutcome } from "./validation-outcome.ts";

/** The 49 standard columns of a UCDP GED event file. */
export const GED_COLUMNS = [
  "id",
  "relid",
  "year",
  "active_year",
  "code_status",
  "type_of_violence",
  "conflict_dset_id",
  "conflict_new_id",
  "conflict_name",
  "dyad_dset_id",
  "dyad_new_id",
  "dyad_name",
  "side_a_dset_id",
  "side_a_new_id",
  "side_a",
  "side_b_dset_id",
  "side_b_new_id",
  "side_b",
  "number_of_sources",
  "source_article",
  "source_office",
  "source_date",
  "source_headline",
  "source_original",
  "where_prec",
  "where_coordinates",
  "where_description",
  "adm_1",
  "adm_2",
  "latitude",
  "longitude",
  "geom_wkt",
  "priogrid_gid",
  "country",
  "country_id",
  "region",
  "event_clarity",
  "date_prec",
  "date_start",
  "date_end",
  "deaths_a",
  "deaths_b",
  "deaths_civilians",
  "deaths_unknown",
  "best",
  "high",
  "low",
  "gwnoa",
  "gwnob",
] as const;

/** Optional provenance columns (release name, origin file); `source_file` groups coverage. */
export const GED_OPTIONAL_COLUMNS = ["ged_version", "source_file"] as const;

const coordinate = (reader: FieldReader, column: string, limit: number): number | null => {
  const value = reader.text(column);
  if (value === "") return null;
  const n = Number(value);
  if (!Number.isFinite(n) || Math.abs(n) > limit)
    return reader.fail(column, value, `not a coordinate within ±${limit}`);
  return n;
};

/** Validates a UCDP GED event file (49 standard columns, optionally `ged_version` and `source_file`). */
export const gedValidator = ({ resolver }: ValidatorOptions): RowValidator => {
  const errors = errorCollector();
  const lines: string[] = [];
  const months = eventMonthTotals();
  const ids = new Map<string, number>();
  const coverage = coverageTracker();
  const versions = new Set<string>();
  let reader: FieldReader | null = null;
  let headerOk = true;
  // Events repeat the same country and day many times: resolve each pair once.
  const resolved = new Map<string, ReturnType<typeof resolver.fromGw> | Error>();
  const fromGw = (gwcode: number, date: string) => {
    const key = `${gwcode}|${date}`;
    let result = resolved.get(key);
    if (result === undefined) {
      try {
        result = resolver.fromGw(gwcode, date, datedRowToleranceDays);
      } catch (error) {
        result = error instanceof Error ? error : new Error(String(error));
      }
      resolved.set(key, result);
    }
    if (result instanceof Error) throw result;
    return result;
  };
  let rowCount = 0;

  return {
    row(cells, line) {
      if (line === 1) {
        const index = checkHeader(cells, GED_COLUMNS, errors);
        if (index) reader = fieldReader(errors, index, cells.length);
        else headerOk = false;
        return;
      }
      if (!reader?.start(cells, line)) return;
      const before = errors.count;
      const id = reader.requiredText("id");
      if (id) {
        const first = firstLineOf(ids, id, line);
        if (first !== undefined) reader.fail("id", id, `duplicate event id (first on line ${first})`);
      }
      const type = reader.oneOf("type_of_violence", [1, 2, 3]);
      const start = reader.date("date_start");
      const end = reader.date("date_end");
      if (start && end && end < start)
        reader.fail("date_end", reader.text("date_end"), "date_end is before date_start");
      const best = reader.count("best");
      const low = reader.count("low");
      const high = reader.count("high");
      const lat = coordinate(reader, "latitude", 90);
      const lon = coordinate(reader, "longitude", 180);
      if ((lat === null) !== (lon === null))
        reader.fail("longitude", reader.text("longitude"), "latitude and longitude must both be given");
      let gid = reader.integer("priogrid_gid", false);
      if (gid !== null && (gid < 1 || gid > PRIOGRID_CELLS))
        gid = reader.fail("priogrid_gid", String(gid), "not a PRIO-GRID cell (1–259200)");
      if (lat !== null && lon !== null) {
        const computed = priogridGid(lat, lon);
        if (gid !== null && gid !== computed)
          reader.fail("priogrid_gid", String(gid), `does not match latitude/longitude (cell ${computed})`);
        gid = computed;
      }
      const countryId = reader.integer("country_id");
      const resolved =
        countryId !== null && start
          ? resolveOrFail(reader, "country_id", String(countryId), () => fromGw(countryId, start))
          : null;
      if (
        errors.count > before ||
        !id ||
        !type ||
        !start ||
        !end ||
        best === null ||
        low === null ||
        high === null ||
        !resolved
      )
        return;
      const version = reader.optionalText("ged_version");
      if (version) versions.add(version);
      coverage.add(reader.text("source_file"), resolved.iso3, start);
      rowCount += 1;
      lines.push(
        months.line({
          source: "ucdp-ged",
          sourceEventId: id,
          typeOfViolence: type,
          eventType: null,
          subEventType: null,
          dateStart: start,
          dateEnd: end,
          best,
          low,
          high,
          latitude: lat,
          longitude: lon,
          priogridGid: gid,
          gwcode: countryId,
          iso3: resolved.iso3,
          country: reader.optionalText("country"),
          adm1: reader.optionalText("adm_1"),
          adm2: reader.optionalText("adm_2"),
          wherePrec: reader.integer("where_prec", false),
          datePrec: reader.integer("date_prec", false),
          conflictName: reader.optionalText("conflict_name"),
          sideA: reader.optionalText("side_a"),
          sideB: reader.optionalText("side_b"),
          sourceVersion: version,
        }),
      );
    },
    takeLines: () => lines.splice(0),
    finish: () =>
      eventOutcome({
        errors,
        extraErrors: headerOk || errors.count ? 0 : 1,
        rowCount,
        lines,
        coverage,
        months,
        versionInFile: versions.size ? [...versions].sort().join(" + ") : null,
      }),
  };
};
