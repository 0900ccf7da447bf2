import { monthFromViewsId } from "../dates.ts";
import { resolveOrFail } from "./country-codes.ts";
import { csvLine } from "./csv-line.ts";
import { errorCollector } from "./error-collector.ts";
import { MONTH_TOTAL_COLUMNS } from "./event-month-totals.ts";
import { type FieldReader, fieldReader, firstLineOf } from "./field-reader.ts";
import { checkHeader } from "./header.ts";
import type { RowValidator, ValidatorOptions } from "./types.ts";
import { tableOutcome } from "./validation-outcome.ts";

export const VIEWS_CM_COLUMNS = [
  "country_id",
  "month_id",
  "gwcode",
  "isoab",
  "year",
  "month",
  "ucdp_ged_sb_best_sum",
] as const;
/** Optional outcome columns of other ViEWS cm extracts. */
const OPTIONAL_VALUES = { ns: "ucdp_ged_ns_best_sum", os: "ucdp_ged_os_best_sum" } as const;

export const COUNTRY_MONTH_COLUMNS = [
  "series",
  "iso3",
  "month",
  "unit_id",
  "gwcode",
  ...MONTH_TOTAL_COLUMNS,
] as const;

const fatalities = (reader: FieldReader, column: string, present: boolean): number | null => {
  if (!present) return null;
  const value = reader.number(column);
  if (value !== null && value < 0) return reader.fail(column, reader.text(column), "negative fatalities");
  return value;
};

/** Validates a ViEWS country-month file (one row per ViEWS country_id and month_id). */
export const viewsCmValidator = ({ resolver }: ValidatorOptions): RowValidator => {
  const errors = errorCollector();
  const lines: string[] = [];
  const keys = new Map<string, number>();
  let reader: FieldReader | null = null;
  let hasNs = false;
  let hasOs = false;
  let start: string | null = null;
  let end: string | null = null;
  let rowCount = 0;
  return {
    row(cells, line) {
      if (line === 1) {
        const index = checkHeader(cells, VIEWS_CM_COLUMNS, errors);
        if (index) reader = fieldReader(errors, index, cells.length);
        hasNs = index?.has(OPTIONAL_VALUES.ns) ?? false;
        hasOs = index?.has(OPTIONAL_VALUES.os) ?? false;
        return;
      }
      if (!reader?.start(cells, line)) return;
      const unit = reader.integer("country_id");
      const monthId = reader.integer("month_id");
      const year = reader.integer("year");
      const monthNumber = reader.integer("month");
      if (monthNumber !== null && (monthNumber < 1 || monthNumber > 12))
        reader.fail("month", String(monthNumber), "a month number from 1 to 12");
      if (monthId !== null && (monthId < 1 || monthId > 2400))
        reader.fail("month_id", String(monthId), "not a ViEWS month id");
      const month = monthId !== null && monthId >= 1 && monthId <= 2400 ? monthFromViewsId(monthId) : null;
      if (
        month &&
        year !== null &&
        monthNumber !== null &&
        monthNumber >= 1 &&
        monthNumber <= 12 &&
        month !== `${year}-${String(monthNumber).padStart(2, "0")}`
      ) {
        reader.fail(
          "month_id",
          String(monthId),
          `month_id is ${month} but year/month say ${year}-${monthNumber}`,
        );
      }
      const iso = reader.requiredText("isoab");
      const gwText = reader.text("gwcode");
      const gw = gwText === "" ? null : reader.integer("gwcode");
      const date = month ? `${month}-01` : null;
      const resolved =
        iso && date ? resolveOrFail(reader, "isoab", iso, () => resolver.fromIso3(iso, date)) : null;
      // ViEWS keeps its own list of countries: a code may run a few months past the Gleditsch–Ward dates,
      // but it must be one that stood for the country `isoab` names.
      if (gw !== null && date) resolveOrFail(reader, "gwcode", String(gw), () => resolver.fromGw(gw, date));
      if (gw !== null && resolved && !resolver.gwNames(gw, resolved.iso3))
        reader.fail("gwcode", String(gw), `is not a GW code of ${resolved.iso3}, as isoab says`);
      const sb = fatalities(reader, "ucdp_ged_sb_best_sum", true);
      const ns = fatalities(reader, OPTIONAL_VALUES.ns, hasNs);
      const os = fatalities(reader, OPTIONAL_VALUES.os, hasOs);
      if (unit !== null && monthId !== null) {
        const key = `${unit}:${monthId}`;
        const first = firstLineOf(keys, key, line);
        if (first !== undefined)
          reader.fail(
            "month_id",
            String(monthId),
            `duplicate country_id ${unit} and month_id (first on line ${first})`,
          );
      }
      if (reader.rowFailed() || unit === null || !month || !resolved) return;
      rowCount += 1;
      if (start === null || month < start) start = month;
      if (end === null || month > end) end = month;
      lines.push(
        csvLine([
          "views",
          resolved.iso3,
          `${month}-01`,
          unit,
          gw,
          sb,
          null,
          null,
          ns,
          null,
          null,
          os,
          null,
          null,
          null,
          null,
        ]),
      );
    },
    takeLines: () => lines.splice(0),
    finish: () =>
      tableOutcome({
        errors,
        rowCount,
        staged: { target: "country_month", columns: COUNTRY_MONTH_COLUMNS, lines },
        span: { start: start && `${start}-01`, end: end && `${end}-01` },
      }),
  };
};
