import type { z } from "zod";
import type { ZConflictYear, ZEvent } from "../../core/data/data.schemas.ts";
import type { EventMonthRow } from "../../repositories/data/series.repository.ts";
import type { ExportEventMonthsResult } from "../../services/data/export-event-months.ts";
import type { countryMonthSeries, gridMonthSeries, indicatorSeries } from "../../services/data/query-data.ts";
import { type TableColumn, type TableFile, tableFile } from "./tabular.presenter.ts";

/** The columns of each downloadable data table: CSV header, HXL hashtag, and where the value comes from. */

type FatalityCounts = {
  datasetId: string;
  datasetVersion: string;
  sbBest: number | null;
  nsBest: number | null;
  osBest: number | null;
  otherBest: number | null;
  eventCount: number | null;
};

/** Deaths by type of violence and events, as country-month and grid-month tables both give them. */
const fatalityColumns = <R extends FatalityCounts>(): TableColumn<R>[] => [
  { name: "dataset", hxl: "#meta+source", value: (r) => r.datasetId },
  { name: "dataset_version", hxl: "#meta+source+version", value: (r) => r.datasetVersion },
  { name: "sb_best", hxl: "#affected+killed+state_based", value: (r) => r.sbBest },
  { name: "ns_best", hxl: "#affected+killed+non_state", value: (r) => r.nsBest },
  { name: "os_best", hxl: "#affected+killed+one_sided", value: (r) => r.osBest },
  { name: "other_best", hxl: "#affected+killed+other", value: (r) => r.otherBest },
  { name: "event_count", hxl: "#event+num", value: (r) => r.eventCount },
];

type MonthRow = Awaited<ReturnType<typeof countryMonthSeries>>[number];
export const MONTH_COLUMNS: TableColumn<MonthRow>[] = [
  { name: "iso3", hxl: "#country+code", value: (r) => r.iso3 },
  { name: "month", hxl: "#date+month", value: (r) => r.month },
  { name: "series", hxl: "#meta+series", value: (r) => r.series },
  ...fatalityColumns(),
];

type EventOut = z.infer<typeof ZEvent>;
export const EVENT_COLUMNS: TableColumn<EventOut>[] = [
  { name: "event_id", hxl: "#event+id", value: (e) => e.id },
  { name: "dataset", hxl: "#meta+source", value: (e) => e.dataset.id },
  { name: "dataset_version", hxl: "#meta+source+version", value: (e) => e.dataset.version },
  // UCDP's code where the event has one (read back as such by the HXL import), else the source's event type.
  { name: "type_of_violence", hxl: "#event+type+ucdp", value: (e) => e.typeOfViolence ?? e.eventType },
  { name: "date_start", hxl: "#date+start", value: (e) => e.dateStart },
  { name: "date_end", hxl: "#date+end", value: (e) => e.dateEnd },
  { name: "best", hxl: "#affected+killed", value: (e) => e.best },
  { name: "low", hxl: "#affected+killed+low", value: (e) => e.low },
  { name: "high", hxl: "#affected+killed+high", value: (e) => e.high },
  { name: "latitude", hxl: "#geo+lat", value: (e) => e.latitude },
  { name: "longitude", hxl: "#geo+lon", value: (e) => e.longitude },
  { name: "priogrid_gid", hxl: "#geo+priogrid", value: (e) => e.priogridGid },
  { name: "iso3", hxl: "#country+code", value: (e) => e.iso3 },
  { name: "adm1", hxl: "#adm1+name", value: (e) => e.adm1 },
  { name: "conflict_name", hxl: "#event+conflict+name", value: (e) => e.conflictName },
  { name: "side_a", hxl: "#group+name+side_a", value: (e) => e.sideA },
  { name: "side_b", hxl: "#group+name+side_b", value: (e) => e.sideB },
];

type GridRow = Awaited<ReturnType<typeof gridMonthSeries>>[number];
export const GRID_COLUMNS: TableColumn<GridRow>[] = [
  { name: "priogrid_gid", hxl: "#geo+priogrid", value: (r) => r.priogridGid },
  { name: "month", hxl: "#date+month", value: (r) => r.month },
  ...fatalityColumns(),
];

type ConflictOut = z.infer<typeof ZConflictYear>;
export const CONFLICT_COLUMNS: TableColumn<ConflictOut>[] = [
  { name: "conflict_id", hxl: "#event+conflict+id", value: (c) => c.conflictId },
  { name: "year", hxl: "#date+year", value: (c) => c.year },
  { name: "location", hxl: "#country+name", value: (c) => c.location },
  { name: "iso3_location", hxl: "#country+code", value: (c) => c.iso3Location },
  { name: "side_a", hxl: "#group+name+side_a", value: (c) => c.sideA },
  { name: "side_b", hxl: "#group+name+side_b", value: (c) => c.sideB },
  { name: "incompatibility", hxl: "#indicator+incompatibility", value: (c) => c.incompatibility },
  { name: "territory_name", hxl: "#loc+name", value: (c) => c.territoryName },
  { name: "intensity_level", hxl: "#severity+intensity", value: (c) => c.intensityLevel },
  { name: "type_of_conflict", hxl: "#event+type", value: (c) => c.typeOfConflict },
  { name: "start_date", hxl: "#date+start", value: (c) => c.startDate },
  { name: "dataset", hxl: "#meta+source", value: (c) => c.dataset.id },
  { name: "dataset_version", hxl: "#meta+source+version", value: (c) => c.dataset.version },
];

type IndicatorRow = Awaited<ReturnType<typeof indicatorSeries>>[number];
export const INDICATOR_COLUMNS: TableColumn<IndicatorRow>[] = [
  { name: "country_ref", hxl: "#country+ref", value: (r) => r.countryRef },
  { name: "iso3", hxl: "#country+code", value: (r) => r.iso3 },
  { name: "gwcode", hxl: "#country+code+gw", value: (r) => r.gwcode },
  { name: "year", hxl: "#date+year", value: (r) => r.year },
  { name: "indicator", hxl: "#indicator+code", value: (r) => r.indicator },
  { name: "value", hxl: "#indicator+value+num", value: (r) => r.value },
  { name: "dataset", hxl: "#meta+source", value: (r) => r.datasetId },
  { name: "dataset_version", hxl: "#meta+source+version", value: (r) => r.datasetVersion },
];

/** The `event-months` file: `iso3` or `priogrid_gid`, `month`, and best deaths by type of violence. */
export const eventMonthsFile = (
  result: Pick<ExportEventMonthsResult, "level" | "rows">,
  range: { from: string; to: string },
): TableFile =>
  tableFile(
    "csv",
    `event-months-${result.level}-${range.from}-${range.to}`,
    eventMonthColumns(result.level),
    result.rows,
  );

const eventMonthColumns = (level: "country" | "grid"): TableColumn<EventMonthRow>[] => [
  level === "country"
    ? { name: "iso3", hxl: "#country+code", value: (r) => r.place }
    : { name: "priogrid_gid", hxl: "#geo+priogrid", value: (r) => r.place },
  { name: "month", hxl: "#date+month", value: (r) => r.month },
  { name: "sb_best", hxl: "#affected+killed+state_based", value: (r) => r.sb },
  { name: "ns_best", hxl: "#affected+killed+non_state", value: (r) => r.ns },
  { name: "os_best", hxl: "#affected+killed+one_sided", value: (r) => r.os },
];
