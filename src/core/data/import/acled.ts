import { parseDate } from "../dates.ts";
import { priogridGid } from "../priogrid.ts";
import { resolveOrFail } from "./country-codes.ts";
import { type ErrorCollector, errorCollector } from "./error-collector.ts";
import { eventCollector, type SourceEvent } from "./event-collector.ts";
import { type FieldReader, fieldReader } from "./field-reader.ts";
import { checkHeader } from "./header.ts";
import type { RowValidator, ValidatorOptions } from "./types.ts";

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

/** The country from `iso3`, else the numeric `iso` (ACLED numbers Kosovo 0, which ISO 3166 leaves unassigned). */
const readCountry = (
  r: FieldReader,
  resolver: ValidatorOptions["resolver"],
  hasIso3: boolean,
  date: string,
) => {
  const iso3 = hasIso3 ? r.text("iso3") : "";
  if (iso3) return resolveOrFail(r, "iso3", iso3, () => resolver.fromIso3(iso3, date));
  const code = r.integer("iso");
  if (code === 0) return resolveOrFail(r, "iso", "0", () => resolver.fromIso3("XKX", date));
  return code === null
    ? null
    : resolveOrFail(r, "iso", String(code), () => resolver.fromIsoNumeric(code, date));
};

const readDate = (r: FieldReader): string | null => {
  const text = r.text("event_date");
  const date = text ? parseDate(text) : null;
  if (date) return date;
  const reason = text ? "unparseable date (expected YYYY-MM-DD or DD Month YYYY)" : "required value is empty";
  return r.fail("event_date", text, reason);
};

/** One row as an event, or null after any problem with it (each added to the reader's errors). */
const readAcledEvent = (
  r: FieldReader,
  id: string | null,
  country: (date: string) => ReturnType<typeof readCountry>,
): SourceEvent | null => {
  const date = readDate(r);
  const eventType = r.requiredText("event_type");
  const fatalities = r.count("fatalities");
  const latitude = coordinate(r, "latitude", 90);
  const longitude = coordinate(r, "longitude", 180);
  const resolved = date ? country(date) : null;
  const complete = id && date && eventType && fatalities !== null && latitude !== null && longitude !== null;
  if (r.rowFailed() || !complete || !resolved) return null;
  return {
    source: "acled",
    sourceEventId: id,
    typeOfViolence: acledViolenceType(eventType, r.text("inter1"), r.text("inter2")),
    eventType,
    subEventType: r.optionalText("sub_event_type"),
    dateStart: date,
    best: fatalities,
    latitude,
    longitude,
    priogridGid: priogridGid(latitude, longitude),
    gwcode: resolved.gwcode,
    iso3: resolved.iso3,
    country: r.optionalText("country"),
    adm1: r.optionalText("admin1"),
    adm2: r.optionalText("admin2"),
    wherePrec: r.integer("geo_precision", false),
    datePrec: r.integer("time_precision", false),
    sideA: r.optionalText("actor1"),
    sideB: r.optionalText("actor2"),
    sourceVersion: r.optionalText("timestamp"),
  };
};

/** The header's columns, or null with the problem added when they cannot become events. */
const readHeader = (cells: string[], errors: ErrorCollector) => {
  const index = checkHeader(cells, ACLED_REQUIRED_COLUMNS, errors);
  if (!index || index.has("iso") || index.has("iso3")) return index;
  errors.add({ line: 1, column: "iso", value: "", reason: "missing column (iso or iso3 is required)" });
  return null;
};

/** Validates an ACLED export; the country comes from `iso3`, else the numeric `iso`. */
export const acledValidator = ({ resolver }: ValidatorOptions): RowValidator => {
  const errors = errorCollector();
  const events = eventCollector();
  let reader: FieldReader | null = null;
  let hasIso3 = false;
  return {
    row(cells, line) {
      if (line === 1) {
        const index = readHeader(cells, errors);
        hasIso3 = index?.has("iso3") ?? false;
        if (index) reader = fieldReader(errors, index, cells.length);
        return;
      }
      const r = reader;
      if (!r?.start(cells, line)) return;
      const country = (date: string) => readCountry(r, resolver, hasIso3, date);
      const event = readAcledEvent(r, events.uniqueId(r, "event_id_cnty", line), country);
      if (event) events.add(event);
    },
    takeLines: events.takeLines,
    finish: () => events.outcome(errors),
  };
};
