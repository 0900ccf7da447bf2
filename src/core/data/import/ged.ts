import { PRIOGRID_CELLS, priogridGid as priogridGidOf } from "../priogrid.ts";
import { datedRowToleranceDays, resolveOrFail } from "./country-codes.ts";
import { errorCollector } from "./error-collector.ts";
import { eventCollector, type SourceEvent } from "./event-collector.ts";
import { type FieldReader, fieldReader } from "./field-reader.ts";
import { checkHeader } from "./header.ts";
import type { RowValidator, ValidatorOptions } from "./types.ts";

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

/** The event's point and PRIO-GRID cell: the cell given must be the point's, and is worked out when missing. */
const readPlace = (reader: FieldReader) => {
  const latitude = coordinate(reader, "latitude", 90);
  const longitude = coordinate(reader, "longitude", 180);
  if ((latitude === null) !== (longitude === null))
    reader.fail("longitude", reader.text("longitude"), "latitude and longitude must both be given");
  let priogridGid = reader.integer("priogrid_gid", false);
  if (priogridGid !== null && (priogridGid < 1 || priogridGid > PRIOGRID_CELLS))
    priogridGid = reader.fail("priogrid_gid", String(priogridGid), "not a PRIO-GRID cell (1–259200)");
  if (latitude === null || longitude === null) return { latitude, longitude, priogridGid };
  const computed = priogridGidOf(latitude, longitude);
  if (priogridGid !== null && priogridGid !== computed)
    reader.fail("priogrid_gid", String(priogridGid), `does not match latitude/longitude (cell ${computed})`);
  return { latitude, longitude, priogridGid: computed };
};

type Resolved = ReturnType<ValidatorOptions["resolver"]["fromGw"]>;

/** Events repeat the same country and day many times: each pair is resolved once, its failure too. */
const gwResolverOnce = ({ resolver }: ValidatorOptions) => {
  const resolved = new Map<string, Resolved | Error>();
  return (gwcode: number, date: string): Resolved => {
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
};

/** One row as an event, or null after any problem with it (each added to the reader's errors). */
const readGedEvent = (
  reader: FieldReader,
  id: string | null,
  fromGw: ReturnType<typeof gwResolverOnce>,
): SourceEvent | null => {
  const type = reader.oneOf("type_of_violence", [1, 2, 3]);
  const start = reader.date("date_start");
  const end = reader.date("date_end");
  if (start && end && end < start)
    reader.fail("date_end", reader.text("date_end"), "date_end is before date_start");
  const best = reader.count("best");
  const low = reader.count("low");
  const high = reader.count("high");
  const place = readPlace(reader);
  const gwcode = reader.integer("country_id");
  const resolved =
    gwcode !== null && start
      ? resolveOrFail(reader, "country_id", String(gwcode), () => fromGw(gwcode, start))
      : null;
  const complete = id && type && start && end && best !== null && low !== null && high !== null && resolved;
  if (reader.rowFailed() || !complete) return null;
  return {
    source: "ucdp-ged",
    sourceEventId: id,
    typeOfViolence: type,
    dateStart: start,
    dateEnd: end,
    best,
    low,
    high,
    ...place,
    gwcode,
    iso3: resolved.iso3,
    country: reader.optionalText("country"),
    adm1: reader.optionalText("adm_1"),
    adm2: reader.optionalText("adm_2"),
    wherePrec: reader.integer("where_prec", false),
    datePrec: reader.integer("date_prec", false),
    conflictName: reader.optionalText("conflict_name"),
    sideA: reader.optionalText("side_a"),
    sideB: reader.optionalText("side_b"),
    sourceVersion: reader.optionalText("ged_version"),
  };
};

/** Validates a UCDP GED event file (49 standard columns, optionally `ged_version` and `source_file`). */
export const gedValidator = (options: ValidatorOptions): RowValidator => {
  const errors = errorCollector();
  const events = eventCollector();
  const fromGw = gwResolverOnce(options);
  const versions = new Set<string>();
  let reader: FieldReader | null = null;
  let headerOk = true;
  return {
    row(cells, line) {
      if (line === 1) {
        const index = checkHeader(cells, GED_COLUMNS, errors);
        if (index) reader = fieldReader(errors, index, cells.length);
        else headerOk = false;
        return;
      }
      if (!reader?.start(cells, line)) return;
      const event = readGedEvent(reader, events.uniqueId(reader, "id", line), fromGw);
      if (!event) return;
      if (event.sourceVersion) versions.add(event.sourceVersion);
      events.add(event, reader.text("source_file"));
    },
    takeLines: events.takeLines,
    finish: () =>
      events.outcome(errors, {
        extraErrors: headerOk || errors.count ? 0 : 1,
        versionInFile: versions.size ? [...versions].sort().join(" + ") : null,
      }),
  };
};
