import type { Selectable } from "kysely";
import type { z } from "zod";
import type {
  ZConflictYear,
  ZCountry,
  ZCountryDetail,
  ZCountryMonth,
  ZDataStatus,
  ZDataset,
  ZEvent,
  ZGridMonth,
  ZImportJob,
  ZIndicator,
  ZIndicatorValue,
} from "../../core/data/data.schemas.ts";
import { isoInstant } from "../../core/shared/instants.ts";
import type { ConflictsTable, IndicatorDefinitionsTable } from "../../db/tables/data.ts";
import type { CountryDetail, CountrySummary } from "../../repositories/data/registry.repository.ts";
import type {
  CountryMonthRow,
  EventRow,
  GridMonthRow,
  queryIndicatorValues,
} from "../../repositories/data/series.repository.ts";
import type { DataStatus, DatasetStatus } from "../../services/data/data-status.ts";
import type { ImportJob } from "../../services/data/import-jobs.ts";

type IndicatorValueRow = Awaited<ReturnType<typeof queryIndicatorValues>>[number];

export const presentCountry = (c: CountrySummary): z.infer<typeof ZCountry> => ({
  iso3: c.iso3,
  iso2: c.iso2,
  isoNumeric: c.isoNumeric,
  name: c.name,
  officialName: c.officialName,
  officialNames: c.officialNames,
  region: c.region,
  subregion: c.subregion,
  gwcode: c.gwcode,
  isoStatus: c.isoStatus,
  independent: c.independent,
  validFrom: c.validFrom,
  validTo: c.validTo,
  capital: c.capital,
  capitalLat: c.capitalLat,
  capitalLon: c.capitalLon,
  dataset: { id: c.datasetId, version: c.datasetVersion },
});

export const presentCountryDetail = (c: CountryDetail): z.infer<typeof ZCountryDetail> => ({
  ...presentCountry(c),
  crosswalk: c.crosswalk.map((x) => ({
    gwcode: x.gwcode,
    gwName: x.gwName,
    gwAbbreviation: x.gwAbbreviation,
    iso3: x.iso3,
    validFrom: x.validFrom,
    validTo: x.validTo,
    isPrimary: x.isPrimary,
    note: x.note,
  })),
  capitals: c.capitals.map((x) => ({
    gwcode: x.gwcode,
    capital: x.capital,
    validFrom: x.validFrom,
    validTo: x.validTo,
    latitude: x.latitude,
    longitude: x.longitude,
  })),
});

export const presentEvent = (e: EventRow): z.infer<typeof ZEvent> => ({
  dataset: { id: e.datasetId, version: e.datasetVersion },
  source: e.source,
  id: e.sourceEventId,
  typeOfViolence: e.typeOfViolence,
  eventType: e.eventType,
  dateStart: e.dateStart,
  dateEnd: e.dateEnd,
  best: e.best,
  low: e.low,
  high: e.high,
  latitude: e.latitude,
  longitude: e.longitude,
  priogridGid: e.priogridGid,
  iso3: e.iso3,
  gwcode: e.gwcode,
  adm1: e.adm1,
  conflictName: e.conflictName,
  sideA: e.sideA,
  sideB: e.sideB,
});

export const presentConflict = (c: Selectable<ConflictsTable>): z.infer<typeof ZConflictYear> => ({
  dataset: { id: c.dataset_id, version: c.dataset_version },
  conflictId: c.conflict_id,
  year: c.year,
  location: c.location,
  sideA: c.side_a,
  sideB: c.side_b,
  incompatibility: c.incompatibility,
  territoryName: c.territory_name,
  intensityLevel: c.intensity_level,
  typeOfConflict: c.type_of_conflict,
  startDate: c.start_date,
  epEnd: c.ep_end,
  region: c.region,
  iso3Location: c.iso3_loc,
});

export const presentIndicator = (d: Selectable<IndicatorDefinitionsTable>): z.infer<typeof ZIndicator> => ({
  datasetId: d.dataset_id,
  code: d.code,
  name: d.name,
  unit: d.unit,
  description: d.description,
  source: d.source,
  licence: d.licence,
  valueCount: d.value_count,
});

const presentDataset = (d: DatasetStatus, bundledIds: ReadonlySet<string>): z.infer<typeof ZDataset> => ({
  id: d.id,
  kind: d.kind,
  title: d.title,
  version: d.version,
  licence: d.licence,
  licenceUrl: d.licenceUrl,
  citation: d.citation,
  source: d.source,
  fileName: d.fileName,
  fileSha256: d.fileSha256,
  importedAt: isoInstant(d.importedAt) ?? "",
  importedBy: d.importedBy,
  rowCount: d.rowCount,
  skippedCount: d.skippedCount,
  spanStart: d.spanStart,
  spanEnd: d.spanEnd,
  fullThrough: d.fullThrough,
  bundled: bundledIds.has(d.id),
  shared: d.ownerOrgId === null,
  replacements: d.replacements.map((r) => ({
    replacedAt: isoInstant(r.replacedAt) ?? "",
    replacedBy: r.replacedBy,
    previousVersion: r.previousVersion,
    newVersion: r.newVersion,
    previousRowCount: r.previousRowCount,
    newRowCount: r.newRowCount,
    rowsAdded: r.rowsAdded,
    rowsRemoved: r.rowsRemoved,
    rowsChanged: r.rowsChanged,
  })),
});

export const presentImportJob = (job: ImportJob): z.infer<typeof ZImportJob> => ({
  id: job.id,
  state: job.state,
  kind: job.kind,
  file: job.file,
  startedAt: job.startedAt.toISOString(),
  finishedAt: isoInstant(job.finishedAt),
  done: job.done,
  total: job.total,
  report: job.report && { ...job.report, durationMs: Math.round(job.report.durationMs) },
  failure: job.failure,
});

export const presentCountryMonth = (r: CountryMonthRow): z.infer<typeof ZCountryMonth> => ({
  datasetId: r.datasetId,
  datasetVersion: r.datasetVersion,
  series: r.series === "views" ? "views" : "events",
  iso3: r.iso3,
  month: r.month,
  sbBest: r.sbBest,
  nsBest: r.nsBest,
  osBest: r.osBest,
  otherBest: r.otherBest,
  eventCount: r.eventCount,
});

export const presentGridMonth = (r: GridMonthRow): z.infer<typeof ZGridMonth> => ({ ...r });

export const presentIndicatorValue = (r: IndicatorValueRow): z.infer<typeof ZIndicatorValue> => ({ ...r });

/** What the instance holds: every dataset as `presentDataset` shows it, and the rows per table. */
export const presentDataStatus = (
  status: DataStatus,
  bundledIds: ReadonlySet<string>,
): z.infer<typeof ZDataStatus> => ({
  ...status,
  datasets: status.datasets.map((d) => presentDataset(d, bundledIds)),
});
