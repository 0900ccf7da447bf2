import { z } from "zod";
import { ZDay, ZMonth } from "../shared/calendar.schemas.ts";
import { ZWebAddress } from "../shared/web-address.schemas.ts";
import { IMPORT_KINDS, IMPORT_MODES } from "./import/types.ts";

/** Schemas of the conflict data as the API shows it (presenters produce exactly these). */

export const ZIso3Code = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "an ISO 3166-1 alpha-3 code")
  .transform((s) => s.toUpperCase());
const ZImportKind = z.enum(IMPORT_KINDS);
export const ZExportFormat = z.enum(["csv", "geojson", "hxl"]);
export type TExportFormat = z.infer<typeof ZExportFormat>;

/** "south,west,north,east" in degrees. */
export const ZBbox = z
  .string()
  .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, "south,west,north,east in decimal degrees")
  .transform((s) => {
    const [south = 0, west = 0, north = 0, east = 0] = s.split(",").map(Number);
    return { south, west, north, east };
  })
  .refine((b) => b.south <= b.north && b.west <= b.east, "south ≤ north and west ≤ east")
  .refine(
    (b) => b.south >= -90 && b.north <= 90 && b.west >= -180 && b.east <= 180,
    "latitudes within ±90 and longitudes within ±180",
  );

/** A comma-separated list of ISO3 codes. */
export const ZIso3List = z
  .string()
  .regex(/^[A-Za-z]{3}(,[A-Za-z]{3})*$/, "ISO3 codes separated by commas")
  .transform((s) => s.toUpperCase().split(","));

const ZDatasetRef = z.object({ id: z.string(), version: z.string() });

export const ZCountry = z.object({
  iso3: z.string(),
  iso2: z.string().nullable(),
  isoNumeric: z.number().int().nullable(),
  name: z.string(),
  officialName: z.string().nullable(),
  officialNames: z.record(z.string(), z.string()).describe("UN language code → formal name"),
  region: z.string().nullable(),
  subregion: z.string().nullable(),
  gwcode: z.number().int().nullable(),
  isoStatus: z.string(),
  independent: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  capital: z.string().nullable(),
  capitalLat: z.number().nullable(),
  capitalLon: z.number().nullable(),
  dataset: ZDatasetRef,
});

const ZCrosswalkEntry = z.object({
  gwcode: z.number().int(),
  gwName: z.string(),
  gwAbbreviation: z.string().nullable(),
  iso3: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  isPrimary: z.boolean(),
  note: z.string(),
});

const ZCapital = z.object({
  gwcode: z.number().int(),
  capital: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
});

export const ZCountryDetail = ZCountry.extend({
  crosswalk: z.array(ZCrosswalkEntry),
  capitals: z.array(ZCapital),
});

export const ZCountryMonth = z.object({
  datasetId: z.string(),
  datasetVersion: z.string(),
  series: z.enum(["views", "events"]),
  iso3: z.string(),
  month: ZMonth,
  sbBest: z.number().nullable(),
  nsBest: z.number().nullable(),
  osBest: z.number().nullable(),
  otherBest: z.number().nullable(),
  eventCount: z.number().int().nullable(),
});

export const ZCountryTotal = z.object({
  iso3: z.string(),
  isoNumeric: z.number().int().nullable(),
  name: z.string(),
  sbBest: z.number(),
  nsBest: z.number(),
  osBest: z.number(),
  otherBest: z.number(),
  total: z.number(),
  months: z.number().int(),
});

export const ZGridMonth = z.object({
  datasetId: z.string(),
  datasetVersion: z.string(),
  priogridGid: z.number().int(),
  month: ZMonth,
  sbBest: z.number(),
  nsBest: z.number(),
  osBest: z.number(),
  otherBest: z.number(),
  eventCount: z.number().int(),
});

export const ZEvent = z.object({
  dataset: ZDatasetRef,
  source: z.string(),
  id: z.string(),
  typeOfViolence: z.number().int().nullable(),
  eventType: z.string().nullable(),
  dateStart: ZDay,
  dateEnd: ZDay,
  best: z.number().int(),
  low: z.number().int(),
  high: z.number().int(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  priogridGid: z.number().int().nullable(),
  iso3: z.string().nullable(),
  gwcode: z.number().int().nullable(),
  adm1: z.string().nullable(),
  conflictName: z.string().nullable(),
  sideA: z.string().nullable(),
  sideB: z.string().nullable(),
});

export const ZEventPage = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  events: z.array(ZEvent),
});

/** Compact points for maps: [latitude, longitude, best, type of violence (0 = other), day index]. */
export const ZEventPoints = z.object({
  total: z.number().int(),
  /** Events without coordinates, placed at their PRIO-GRID cell centre. */
  placedByCell: z.number().int(),
  datasetIds: z.array(z.string()),
  ids: z.array(z.string()),
  points: z.array(z.tuple([z.number(), z.number(), z.number(), z.number(), ZDay])),
});

export const ZConflictYear = z.object({
  dataset: ZDatasetRef,
  conflictId: z.number().int(),
  year: z.number().int(),
  location: z.string(),
  sideA: z.string(),
  sideB: z.string(),
  incompatibility: z.number().int(),
  territoryName: z.string().nullable(),
  intensityLevel: z.number().int(),
  typeOfConflict: z.number().int(),
  startDate: z.string().nullable(),
  epEnd: z.number().int().nullable(),
  region: z.string().nullable(),
  iso3Location: z.string().nullable(),
});

export const ZIndicator = z.object({
  datasetId: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  description: z.string(),
  source: z.string(),
  licence: z.string(),
  valueCount: z.number().int(),
});

export const ZIndicatorValue = z.object({
  datasetId: z.string(),
  datasetVersion: z.string(),
  indicator: z.string(),
  countryRef: z.string(),
  iso3: z.string().nullable(),
  gwcode: z.number().int().nullable(),
  year: z.number().int(),
  value: z.number(),
});

const ZReplacement = z.object({
  replacedAt: z.string(),
  replacedBy: z.string().nullable(),
  previousVersion: z.string(),
  newVersion: z.string(),
  previousRowCount: z.number().int(),
  newRowCount: z.number().int(),
  rowsAdded: z.number().int(),
  rowsRemoved: z.number().int(),
  rowsChanged: z.number().int(),
});

export const ZDataset = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  version: z.string(),
  licence: z.string(),
  licenceUrl: z.string().nullable(),
  citation: z.string(),
  source: z.string(),
  fileName: z.string().nullable(),
  fileSha256: z.string().nullable(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  rowCount: z.number().int(),
  skippedCount: z.number().int(),
  spanStart: z.string().nullable(),
  spanEnd: z.string().nullable(),
  /** Country-month datasets: the latest month (YYYY-MM) with data for nearly every country the dataset holds. */
  fullThrough: z.string().nullable(),
  /** Bundled with the platform (data/bundled/catalogue.json) rather than imported by a person. */
  bundled: z.boolean(),
  /** Read by every organisation; otherwise only by the organisation that created it (`canReadDataset`). */
  shared: z.boolean(),
  replacements: z.array(ZReplacement),
});

export const ZDataStatus = z.object({
  initialised: z.boolean(),
  datasets: z.array(ZDataset),
  tables: z.record(z.string(), z.number().int()),
});

const ZImportError = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});

const ZImportReport = z.object({
  ok: z.boolean(),
  status: z.enum(["created", "replaced", "updated", "unchanged", "rejected"]),
  kind: ZImportKind,
  file: z.string(),
  datasetId: z.string(),
  version: z.string().nullable(),
  rowCount: z.number().int(),
  skippedCount: z.number().int(),
  skippedReasons: z.record(z.string(), z.number().int()),
  errors: z.array(ZImportError),
  errorCount: z.number().int(),
  rowsAdded: z.number().int(),
  rowsRemoved: z.number().int(),
  rowsChanged: z.number().int(),
  span: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
  message: z.string(),
  durationMs: z.number(),
});

export const ZImportJob = z.object({
  id: z.uuid(),
  state: z.enum(["running", "finished", "failed"]),
  kind: ZImportKind,
  file: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int(),
  report: ZImportReport.nullable(),
  failure: z.string().nullable(),
});

export const ZImportKindColumns = z.object({
  kind: ZImportKind,
  required: z.array(z.string()),
  optional: z.array(z.string()),
  others: z.enum(["ignored", "values"]),
  hxl: z.boolean(),
});

/** Options sent with an uploaded file (multipart fields beside the file). */
export const ZImportOptions = z.object({
  kind: ZImportKind,
  datasetId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and hyphens")
    .optional(),
  title: z.string().max(300).optional(),
  version: z.string().max(120).optional(),
  licence: z.string().max(300).optional(),
  licenceUrl: ZWebAddress.optional(),
  citation: z.string().max(2000).optional(),
  source: z.string().max(500).optional(),
  coverage: z.enum(["observed", "world"]).optional(),
  indicator: z.string().max(120).optional(),
  /** The unit of the file's indicators, e.g. "persons" or "% of GDP". */
  unit: z.string().max(120).optional(),
  mode: z.enum(IMPORT_MODES).optional(),
});
