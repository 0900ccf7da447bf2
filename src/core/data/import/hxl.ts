import { parseDate } from "../dates.ts";
import { priogridGid } from "../priogrid.ts";
import { resolveOrFail } from "./country-codes.ts";
import { errorCollector } from "./error-collector.ts";
import { eventCollector, repeatedIdReason } from "./event-collector.ts";
import { type FieldReader, fieldReader } from "./field-reader.ts";
import type { RowValidator, ValidatorOptions } from "./types.ts";

type Tag = { tag: string; attributes: Set<string> };

/** Parses an HXL hashtag such as `#affected+killed+num` (case-insensitive, attribute order free). */
const parseHxlTag = (text: string): Tag | null => {
  const value = text.trim().toLowerCase().replace(/\s+/g, "");
  if (!/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/.test(value)) return null;
  const [tag = "", ...attributes] = value.split("+");
  return { tag, attributes: new Set(attributes) };
};

/** The HXL tags the event import reads (a column matches when it has the tag and at least these attributes). */
export const HXL_EVENT_TAGS = {
  country: "#country+code",
  adm1: "#adm1+name",
  date: "#date",
  killed: "#affected+killed",
  lat: "#geo+lat",
  lon: "#geo+lon",
  id: "#event+id",
  type: "#event+type",
  ucdpType: "#event+type+ucdp",
} as const;
const REQUIRED: (keyof typeof HXL_EVENT_TAGS)[] = ["country", "date"];

/** Finds the column for a wanted tag, preferring the one with the fewest extra attributes. */
const findColumn = (tags: (Tag | null)[], wanted: string): number | undefined => {
  const want = parseHxlTag(wanted);
  if (!want) return undefined;
  let best: { i: number; extra: number } | undefined;
  tags.forEach((tag, i) => {
    if (!tag || tag.tag !== want.tag) return;
    if (![...want.attributes].every((a) => tag.attributes.has(a))) return;
    const extra = tag.attributes.size - want.attributes.size;
    if (!best || extra < best.extra) best = { i, extra };
  });
  return best?.i;
};

/**
 * The event's date column: a full date, the day it happened (`+occurred`, `+start`) before others; a
 * `#date+year` or `+month` column holds only part of one.
 */
const findDateColumn = (tags: (Tag | null)[]): number | undefined => {
  const full = tags.flatMap((tag, i) =>
    tag?.tag === "#date" && !tag.attributes.has("year") && !tag.attributes.has("month") ? [{ tag, i }] : [],
  );
  const happened = full.find(({ tag }) => tag.attributes.has("occurred") || tag.attributes.has("start"));
  return (happened ?? full[0])?.i ?? findColumn(tags, HXL_EVENT_TAGS.date);
};

/** FNV-1a (64-bit) of a row, as a stable id for HXL rows that carry no #event+id. */
const rowHash = (cells: string[]): string => {
  let h = 0xcbf29ce484222325n;
  for (const ch of cells.join("\u001f")) {
    h ^= BigInt(ch.codePointAt(0) ?? 0);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
};

type HxlKey = keyof typeof HXL_EVENT_TAGS;
type Columns = Partial<Record<HxlKey, number>>;
type ErrorSink = ReturnType<typeof errorCollector>;

/** The second row's tags as the columns the import reads; every problem is added to `errors`. */
const tagColumns = (cells: string[], names: string[], errors: ErrorSink): Columns => {
  const tags = cells.map((c) => (c.trim() ? parseHxlTag(c) : null));
  if (!tags.some((t) => t !== null)) {
    errors.add({
      line: 2,
      column: names[0] ?? "",
      value: cells[0] ?? "",
      reason: "the second row carries no HXL hashtags",
    });
    return {};
  }
  cells.forEach((c, i) => {
    if (c.trim() && !tags[i])
      errors.add({ line: 2, column: names[i] ?? "", value: c, reason: "not a valid HXL hashtag" });
  });
  const columns: Columns = {};
  for (const key of Object.keys(HXL_EVENT_TAGS) as HxlKey[]) {
    const i = key === "date" ? findDateColumn(tags) : findColumn(tags, HXL_EVENT_TAGS[key]);
    if (i !== undefined) columns[key] = i;
  }
  for (const key of REQUIRED) {
    if (columns[key] === undefined)
      errors.add({
        line: 2,
        column: HXL_EVENT_TAGS[key],
        value: "",
        reason: "missing column (no column carries this HXL tag)",
      });
  }
  if ((columns.lat === undefined) !== (columns.lon === undefined)) {
    errors.add({
      line: 2,
      column: columns.lat === undefined ? "#geo+lat" : "#geo+lon",
      value: "",
      reason: "missing column (latitude and longitude come together)",
    });
  }
  return columns;
};

/** Fatalities: empty is none; otherwise a whole number, not below zero. Null after a problem. */
const readKilled = (r: FieldReader, column: string, text: string): number | null => {
  if (!text) return 0;
  const n = Number(text);
  if (!Number.isInteger(n)) return r.fail(column, text, "not a whole number");
  if (n < 0) return r.fail(column, text, "negative value (fatalities cannot be below zero)");
  return n;
};

/** A point, when the row gives one: latitude and longitude together and in range. */
const readPoint = (
  r: FieldReader,
  columns: { lat: string; lon: string },
  latText: string,
  lonText: string,
) => {
  if (!latText && !lonText) return { lat: null, lon: null };
  let lat: number | null = Number(latText);
  let lon: number | null = Number(lonText);
  if (!latText || !Number.isFinite(lat) || Math.abs(lat) > 90)
    lat = r.fail(columns.lat, latText, "not a latitude");
  if (!lonText || !Number.isFinite(lon) || Math.abs(lon) > 180)
    lon = r.fail(columns.lon, lonText, "not a longitude");
  return { lat, lon };
};

/** The country by ISO3, ISO2 or ISO numeric code, as it was on the event's date. */
const resolveCountry = (resolver: ValidatorOptions["resolver"], code: string, date: string) =>
  /^\d+$/.test(code)
    ? resolver.fromIsoNumeric(Number(code), date)
    : code.length === 2
      ? resolver.fromIso2(code, date)
      : resolver.fromIso3(code, date);

/**
 * Validates any CSV whose second row carries HXL hashtags and maps it to events by tag:
 * #country+code (ISO3, ISO2 or ISO numeric), #date, and optionally #adm1+name, #affected+killed (fatalities,
 * empty = 0), #geo+lat / #geo+lon, #event+id (the source's id; without it a hash of the row is the id) and
 * #event+type. Their fatalities count as "other" unless an #event+type+ucdp column gives the UCDP type of
 * violence (1 state-based, 2 non-state, 3 one-sided), as the platform's own HXL export does.
 */
export const hxlValidator = ({ resolver }: ValidatorOptions): RowValidator => {
  const errors = errorCollector();
  const events = eventCollector();
  let names: string[] = [];
  let columns: Columns = {};
  let reader: FieldReader | null = null;
  const cell = (cells: string[], key: HxlKey) => {
    const i = columns[key];
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
  const name = (key: HxlKey) => {
    const i = columns[key];
    return i === undefined
      ? HXL_EVENT_TAGS[key]
      : `${names[i] || HXL_EVENT_TAGS[key]} (${HXL_EVENT_TAGS[key]})`;
  };
  const readNames = (cells: string[]) => {
    names = cells.map((c) => c.trim());
    if (cells.length === 1 && /[;\t|]/.test(cells[0] ?? ""))
      errors.add({
        line: 1,
        column: (cells[0] ?? "").slice(0, 60),
        value: "",
        reason: "wrong delimiter: a comma-separated file is expected",
      });
  };
  const readTags = (cells: string[]) => {
    if (errors.count) return;
    columns = tagColumns(cells, names, errors);
    if (!errors.count) reader = fieldReader(errors, new Map(), cells.length);
    else columns = {};
  };
  /** The row's event id; a repeated id, or a repeated row without ids, is a problem. */
  const eventIdOf = (r: FieldReader, cells: string[], line: number): string => {
    const id = cell(cells, "id");
    const eventId = id || `row:${rowHash(cells)}`;
    const first = events.repeatOf(eventId, line);
    // Without ids, a repeated row is most likely the same event pasted twice: loaded, it would count twice.
    if (first !== undefined && id) r.fail(name("id"), id, repeatedIdReason(first));
    else if (first !== undefined)
      r.fail(
        "row",
        "",
        `the same row as line ${first}: remove one, or add an #event+id column if both are real events`,
      );
    return eventId;
  };
  const readEvent = (r: FieldReader, cells: string[], line: number) => {
    const dateText = cell(cells, "date");
    const date = parseDate(dateText);
    if (!date)
      r.fail(
        name("date"),
        dateText,
        dateText ? "unparseable date (expected YYYY-MM-DD)" : "required value is empty",
      );
    const code = cell(cells, "country");
    if (!code) r.fail(name("country"), code, "required value is empty");
    const resolved =
      code && date
        ? resolveOrFail(r, name("country"), code, () => resolveCountry(resolver, code, date))
        : null;
    const killed = readKilled(r, name("killed"), cell(cells, "killed"));
    const { lat, lon } = readPoint(
      r,
      { lat: name("lat"), lon: name("lon") },
      cell(cells, "lat"),
      cell(cells, "lon"),
    );
    const ucdpCode = cell(cells, "ucdpType");
    const ucdpType = ucdpCode === "1" || ucdpCode === "2" || ucdpCode === "3" ? Number(ucdpCode) : null;
    const eventId = eventIdOf(r, cells, line);
    if (r.rowFailed() || !date || !resolved || killed === null) return;
    events.add({
      source: "hxl",
      sourceEventId: eventId,
      typeOfViolence: ucdpType,
      eventType: ucdpType ? null : cell(cells, "type") || null,
      dateStart: date,
      best: killed,
      latitude: lat,
      longitude: lon,
      priogridGid: lat !== null && lon !== null ? priogridGid(lat, lon) : null,
      gwcode: resolved.gwcode,
      iso3: resolved.iso3,
      adm1: cell(cells, "adm1") || null,
    });
  };
  return {
    row(cells, line) {
      if (line === 1) readNames(cells);
      else if (line === 2) readTags(cells);
      else if (reader?.start(cells, line)) readEvent(reader, cells, line);
    },
    takeLines: events.takeLines,
    finish: () => events.outcome(errors),
  };
};
