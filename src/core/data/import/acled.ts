import { parseDate } from "../dates.ts";
import { priogridGid } from "../priogrid.ts";
import { resolveOrFail } from "./country-codes.ts";
import { errorCollector } from "./error-collector.ts";
import { eventMonthTotals } from "./event-month-totals.ts";
import { coverageTracker } from "./event-rows.ts";
import { type FieldReader, fieldReader, firstLineOf } from "./field-reader.ts";
import { checkHeader } from "./header.ts";
import type { RowValidator, ValidatorOptions } from "./types.ts";
import { eventOutcome } from "./validation-outcome.ts";

/** Columns an ACLED export must have to become events (plus `iso` or `iso3`). */
export const ACLED_REQUIRED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "event_type",
  "country",
  "latitude",
  "longitude",
  "fatalities",
] as const;

const isState = (inter: string) => inter === "1" || /state forces/i.test(inter);
const isCivilians = (inter: string) => inter === "7" || /civilians/i.test(inter);

/**
 * ACLED has no UCDP violence type; the platform maps it so ACLED events can sit beside GED:
 * Battles → 1 state-based when state forces are a party, else 2 non-state; Violence against civilians → 3;
 * Explosions/Remote violence → 3 against civilians, 1 with state forces, else 2; protests, riots and
 * strategic developments → none (their fatalities count as "other").
 */
const acledViolenceType = (eventType: string, inter1: string, inter2: string): number | null => {
  const type = eventType.trim().toLowerCase();
  if (type === "battles") return isState(inter1) || isState(inter2) ? 1 : 2;
  if (type === "violence against civilians") return 3;
  if (type === "explosions/remote violence") {
    if (isCivilians(inter2)) return 3;
    return isState(inter1) || isState(inter2) ? 1 : 2;
  }
  return null;
};

const coordinate = (reader: FieldReader, column: string, limit: number): number | null => {
  const n = reader.number(column);
  if (n !== null && Math.abs(n) > limit)
    return reader.fail(column, reader.text(column), `not a coordinate within ±${limit}`);
  return n;
};

/** Validates an ACLED export; the country comes from `iso3`, else the numeric `iso`. */
export const acledValidator = ({ resolver }: ValidatorOptions): RowValidator => {
  const errors = errorCollector();
  const lines: string[] = [];
  const months = eventMonthTotals();
  const ids = new Map<string, number>();
  const coverage = coverageTracker();
  let reader: FieldReader | null = null;
  let hasIso3 = false;
  let rowCount = 0;
  return {
    row(cells, line) {
      if (line === 1) {
        const index = checkHeader(cells, ACLED_REQUIRED_COLUMNS, errors);
        if (index && !index.has("iso") && !index.has("iso3")) {
          errors.add({
            line: 1,
            column: "iso",
            value: "",
            reason: "missing column (iso or iso3 is required)",
          });
          return;
        }
        hasIso3 = index?.has("iso3") ?? false;
        if (index) reader = fieldReader(errors, index, cells.length);
        return;
      }
      if (!reader?.start(cells, line)) return;
      const r = reader;
      const before = errors.count;
      const id = r.requiredText("event_id_cnty");
      if (id) {
        const first = firstLineOf(ids, id, line);
        if (first !== undefined) r.fail("event_id_cnty", id, `duplicate event id (first on line ${first})`);
      }
      const dateText = r.text("event_date");
      const date = dateText ? parseDate(dateText) : null;
      if (!date)
        r.fail(
          "event_date",
          dateText,
          dateText ? "unparseable date (expected YYYY-MM-DD or DD Month YYYY)" : "required value is empty",
        );
      const eventType = r.requiredText("event_type");
      const fatalities = r.count("fatalities");
      const lat = coordinate(r, "latitude", 90);
      const lon = coordinate(r, "longitude", 180);
      let resolved = null;
      if (date) {
        if (hasIso3 && r.text("iso3")) {
          const code = r.text("iso3");
          resolved = resolveOrFail(r, "iso3", code, () => resolver.fromIso3(code, date));
        } else {
          const code = r.integer("iso");
          // ACLED numbers Kosovo 0, which ISO 3166 leaves unassigned.
          if (code === 0) resolved = resolveOrFail(r, "iso", "0", () => resolver.fromIso3("XKX", date));
          else if (code !== null)
            resolved = resolveOrFail(r, "iso", String(code), () => resolver.fromIsoNumeric(code, date));
        }
      }
      if (
        errors.count > before ||
        !id ||
        !date ||
        !eventType ||
        fatalities === null ||
        lat === null ||
        lon === null ||
        !resolved
      )
        return;
      coverage.add("", resolved.iso3, date);
      rowCount += 1;
      lines.push(
        months.line({
          source: "acled",
          sourceEventId: id,
          typeOfViolence: acledViolenceType(eventType, r.text("inter1"), r.text("inter2")),
          eventType,
          subEventType: r.optionalText("sub_event_type"),
          dateStart: date,
          dateEnd: date,
          best: fatalities,
          low: fatalities,
          high: fatalities,
          latitude: lat,
          longitude: lon,
          priogridGid: priogridGid(lat, lon),
          gwcode: resolved.gwcode,
          iso3: resolved.iso3,
          country: r.optionalText("country"),
          adm1: r.optionalText("admin1"),
          adm2: r.optionalText("admin2"),
          wherePrec: r.integer("geo_precision", false),
          datePrec: r.integer("time_precision", false),
          conflictName: null,
          sideA: r.optionalText("actor1"),
          sideB: r.optionalText("actor2"),
          sourceVersion: r.optionalText("timestamp"),
        }),
      );
    },
    takeLines: () => lines.splice(0),
    finish: () => eventOutcome({ errors, rowCount, lines, coverage, months }),
  };
};
