import { createWriteStream } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import {
  ZBbox,
  ZConflictYear,
  ZCountry,
  ZCountryDetail,
  ZCountryMonth,
  ZCountryTotal,
  ZDataStatus,
  ZDay,
  ZEvent,
  ZEventPage,
  ZEventPoints,
  ZExportFormat,
  ZGridMonth,
  ZImportJob,
  ZImportKindColumns,
  ZImportOptions,
  ZIndicator,
  ZIndicatorValue,
  ZIso3Code,
  ZIso3List,
  ZMonth,
} from "../../core/data/data.schemas.ts";
import { IMPORT_KIND_COLUMNS } from "../../core/data/import/columns.ts";
import { IMPORT_KINDS } from "../../core/data/import/types.ts";
import { invalid } from "../../core/shared/errors.ts";
import { readBundledCatalogue } from "../../services/data/bundled-catalogue.ts";
import { dataStatus } from "../../services/data/data-status.ts";
import { exportEventMonths } from "../../services/data/export-event-months.ts";
import { getImportJob, startImportJob } from "../../services/data/import-jobs.ts";
import {
  countryMonthSeries,
  countryTotals,
  eventPoints,
  getCountry,
  getEvent,
  gridMonthSeries,
  indicatorSeries,
  listConflicts,
  listCountriesService,
  listEvents,
  listIndicators,
} from "../../services/data/query-data.ts";
import { contextOf } from "../context.ts";
import {
  presentConflict,
  presentCountry,
  presentCountryDetail,
  presentCountryMonth,
  presentDataset,
  presentEvent,
  presentGridMonth,
  presentImportJob,
  presentIndicator,
  presentIndicatorValue,
} from "../presenters/data.presenter.ts";
import { gridCell, type TableColumn, type TableFile, tableFile } from "../presenters/tabular.presenter.ts";
import { errorResponses } from "../schemas.ts";
import type { AppRoutes } from "./types.ts";

const TAGS = ["conflict data"];
const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
const MAX_EXPORT_ROWS = 100_000;
const dataset = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*(,[a-z0-9][a-z0-9-]*)*$/)
  .transform((s) => s.split(","))
  .optional()
  .describe("dataset ids separated by commas (default: all)");
const format = z.object({ format: ZExportFormat.default("csv") });
const monthsOf = z.object({
  iso3: ZIso3List.optional(),
  from: ZMonth.optional(),
  to: ZMonth.optional(),
  series: z.enum(["views", "events"]).optional(),
  dataset,
});
const eventsOf = z.object({
  bbox: ZBbox.optional().describe("south,west,north,east"),
  from: ZDay.optional().describe("first date_start, YYYY-MM-DD"),
  to: ZDay.optional().describe("last date_start, YYYY-MM-DD"),
  iso3: ZIso3List.optional(),
  type: z
    .string()
    .regex(/^[123](,[123])*$/)
    .transform((s) => s.split(",").map(Number))
    .optional()
    .describe("types of violence: 1 state-based, 2 non-state, 3 one-sided"),
  dataset,
});
const gridOf = z.object({
  bbox: ZBbox.optional(),
  from: ZMonth.optional(),
  to: ZMonth.optional(),
  dataset,
});
const conflictsOf = z.object({
  iso3: ZIso3Code.optional(),
  fromYear: z.coerce.number().int().min(1946).max(2100).optional(),
  toYear: z.coerce.number().int().min(1946).max(2100).optional(),
});
const indicatorOf = z.object({
  iso3: ZIso3List.optional(),
  dataset: z.string().optional(),
  fromYear: z.coerce.number().int().optional(),
  toYear: z.coerce.number().int().optional(),
});
const fileResponse = { 200: z.string().describe("the file (CSV, HXL CSV or GeoJSON)"), ...errorResponses };

const send = (reply: FastifyReply, file: TableFile) =>
  reply
    .type(file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .send(file.body);

type MonthRow = Awaited<ReturnType<typeof countryMonthSeries>>[number];
const MONTH_COLUMNS: TableColumn<MonthRow>[] = [
  { name: "iso3", hxl: "#country+code", value: (r) => r.iso3 },
  { name: "month", hxl: "#date+month", value: (r) => r.month },
  { name: "series", hxl: "#meta+series", value: (r) => r.series },
  { name: "dataset", hxl: "#meta+source", value: (r) => r.datasetId },
  { name: "sb_best", hxl: "#affected+killed+state_based", value: (r) => r.sbBest },
  { name: "ns_best", hxl: "#affected+killed+non_state", value: (r) => r.nsBest },
  { name: "os_best", hxl: "#affected+killed+one_sided", value: (r) => r.osBest },
  { name: "other_best", hxl: "#affected+killed+other", value: (r) => r.otherBest },
  { name: "event_count", hxl: "#event+num", value: (r) => r.eventCount },
];

type EventOut = z.infer<typeof ZEvent>;
const EVENT_COLUMNS: TableColumn<EventOut>[] = [
  { name: "event_id", hxl: "#event+id", value: (e) => e.id },
  { name: "dataset", hxl: "#meta+source", value: (e) => e.dataset.id },
  { name: "type_of_violence", hxl: "#event+type", value: (e) => e.typeOfViolence ?? e.eventType },
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
const GRID_COLUMNS: TableColumn<GridRow>[] = [
  { name: "priogrid_gid", hxl: "#geo+priogrid", value: (r) => r.priogridGid },
  { name: "month", hxl: "#date+month", value: (r) => r.month },
  { name: "dataset", hxl: "#meta+source", value: (r) => r.datasetId },
  { name: "sb_best", hxl: "#affected+killed+state_based", value: (r) => r.sbBest },
  { name: "ns_best", hxl: "#affected+killed+non_state", value: (r) => r.nsBest },
  { name: "os_best", hxl: "#affected+killed+one_sided", value: (r) => r.osBest },
  { name: "other_best", hxl: "#affected+killed+other", value: (r) => r.otherBest },
  { name: "event_count", hxl: "#event+num", value: (r) => r.eventCount },
];

type ConflictOut = z.infer<typeof ZConflictYear>;
const CONFLICT_COLUMNS: TableColumn<ConflictOut>[] = [
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
];

type IndicatorRow = Awaited<ReturnType<typeof indicatorSeries>>[number];
const INDICATOR_COLUMNS: TableColumn<IndicatorRow>[] = [
  { name: "country_ref", hxl: "#country+ref", value: (r) => r.countryRef },
  { name: "iso3", hxl: "#country+code", value: (r) => r.iso3 },
  { name: "gwcode", hxl: "#country+code+gw", value: (r) => r.gwcode },
  { name: "year", hxl: "#date+year", value: (r) => r.year },
  { name: "indicator", hxl: "#indicator+code", value: (r) => r.indicator },
  { name: "value", hxl: "#indicator+value+num", value: (r) => r.value },
  { name: "dataset", hxl: "#meta+source", value: (r) => r.datasetId },
];

const monthFilter = (q: z.infer<typeof monthsOf>) => ({
  ...(q.iso3 ? { iso3: q.iso3 } : {}),
  ...(q.from ? { from: q.from } : {}),
  ...(q.to ? { to: q.to } : {}),
  ...(q.series ? { series: q.series } : {}),
  ...(q.dataset ? { datasetIds: q.dataset } : {}),
});
const eventFilter = (q: z.infer<typeof eventsOf>) => ({
  ...(q.bbox ? { bbox: q.bbox } : {}),
  ...(q.from ? { from: q.from } : {}),
  ...(q.to ? { to: q.to } : {}),
  ...(q.iso3 ? { iso3: q.iso3 } : {}),
  ...(q.type ? { typeOfViolence: q.type } : {}),
  ...(q.dataset ? { datasetIds: q.dataset } : {}),
});
const gridFilter = (q: z.infer<typeof gridOf>, limit: number) => ({
  ...(q.bbox ? { bbox: q.bbox } : {}),
  ...(q.from ? { from: q.from } : {}),
  ...(q.to ? { to: q.to } : {}),
  ...(q.dataset ? { datasetIds: q.dataset } : {}),
  limit,
});
const conflictFilter = (q: z.infer<typeof conflictsOf>) => ({
  ...(q.iso3 ? { iso3: q.iso3 } : {}),
  ...(q.fromYear !== undefined ? { fromYear: q.fromYear } : {}),
  ...(q.toYear !== undefined ? { toYear: q.toYear } : {}),
});
const indicatorFilter = (code: string, q: z.infer<typeof indicatorOf>) => ({
  indicator: code,
  ...(q.iso3 ? { iso3: q.iso3 } : {}),
  ...(q.dataset ? { datasetId: q.dataset } : {}),
  ...(q.fromYear !== undefined ? { fromYear: q.fromYear } : {}),
  ...(q.toYear !== undefined ? { toYear: q.toYear } : {}),
});

/** The public reference data (countries, events, series, conflicts, indicators) for every signed-in person. */
export const dataRoutes: AppRoutes = (app, deps) => {
  void app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } });
  const signedIn = (request: Parameters<typeof contextOf>[1]) => contextOf(deps, request);

  app.get(
    "/api/data/countries",
    {
      schema: {
        tags: TAGS,
        summary: "Countries (ISO 3166 with GW codes, capitals)",
        querystring: z.object({
          q: z.string().max(100).optional(),
          independent: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: z.array(ZCountry), ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      const rows = await listCountriesService(deps.db, {
        ...(request.query.q ? { search: request.query.q } : {}),
        independentOnly: request.query.independent === "true",
      });
      return rows.map(presentCountry);
    },
  );

  app.get(
    "/api/data/countries/:iso3",
    {
      schema: {
        tags: TAGS,
        summary: "One country with its Gleditsch–Ward crosswalk and capitals",
        params: z.object({ iso3: ZIso3Code }),
        response: { 200: ZCountryDetail, ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      return presentCountryDetail(await getCountry(deps.db, request.params.iso3));
    },
  );

  app.get(
    "/api/data/country-months",
    {
      schema: {
        tags: TAGS,
        summary: "Country-month fatalities (ViEWS and GED event aggregates; month = month of date_start)",
        querystring: monthsOf,
        response: { 200: z.array(ZCountryMonth), ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      return (await countryMonthSeries(deps.db, monthFilter(request.query))).map(presentCountryMonth);
    },
  );

  app.get(
    "/api/data/country-months/export",
    {
      schema: {
        tags: TAGS,
        summary: "Country-month fatalities as CSV, HXL or GeoJSON",
        querystring: monthsOf.extend(format.shape),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      signedIn(request);
      const rows = await countryMonthSeries(deps.db, monthFilter(request.query));
      const name = `country-months${request.query.iso3 ? `-${request.query.iso3.join("-")}` : ""}`;
      return send(reply, tableFile(request.query.format, name.toLowerCase(), MONTH_COLUMNS, rows));
    },
  );

  app.get(
    "/api/data/country-totals",
    {
      schema: {
        tags: TAGS,
        summary: "Fatalities per country over a span of months (for the world map)",
        querystring: z.object({
          from: ZMonth,
          to: ZMonth,
          series: z.enum(["views", "events"]).default("views"),
          dataset,
        }),
        response: { 200: z.array(ZCountryTotal), ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      const { from, to, series } = request.query;
      if (from > to)
        throw invalid("The span is empty.", [{ field: "to", message: "must not be before from" }]);
      const rows = await countryTotals(deps.db, {
        from,
        to,
        series,
        ...(request.query.dataset ? { datasetIds: request.query.dataset } : {}),
      });
      return rows.map((r) => ({ ...r, total: r.sbBest + r.nsBest + r.osBest + r.otherBest }));
    },
  );

  app.get(
    "/api/data/grid-months",
    {
      schema: {
        tags: TAGS,
        summary: "PRIO-GRID-month fatalities of cells with events",
        querystring: gridOf.extend({ limit: z.coerce.number().int().min(1).max(50_000).default(10_000) }),
        response: { 200: z.array(ZGridMonth), ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      return (await gridMonthSeries(deps.db, gridFilter(request.query, request.query.limit))).map(
        presentGridMonth,
      );
    },
  );

  app.get(
    "/api/data/grid-months/export",
    {
      schema: {
        tags: TAGS,
        summary: "PRIO-GRID-month fatalities as CSV, HXL or GeoJSON (cells as polygons)",
        querystring: gridOf.extend(format.shape),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      signedIn(request);
      const rows = await gridMonthSeries(deps.db, gridFilter(request.query, MAX_EXPORT_ROWS));
      return send(
        reply,
        tableFile(request.query.format, "grid-months", GRID_COLUMNS, rows, (r) => gridCell(r.priogridGid)),
      );
    },
  );

  app.get(
    "/api/data/events",
    {
      schema: {
        tags: TAGS,
        summary: "Events (GED, ACLED, HXL) by bounding box, date and country, a page at a time",
        querystring: eventsOf.extend({
          limit: z.coerce.number().int().min(1).max(5000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: ZEventPage, ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      const { limit, offset } = request.query;
      const page = await listEvents(deps.db, { ...eventFilter(request.query), limit, offset });
      return { total: page.total, limit, offset, events: page.events.map(presentEvent) };
    },
  );

  app.get(
    "/api/data/events/export",
    {
      schema: {
        tags: TAGS,
        summary: `Events as CSV, HXL or GeoJSON points (at most ${MAX_EXPORT_ROWS.toLocaleString("en")})`,
        querystring: eventsOf.extend(format.shape),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      signedIn(request);
      const page = await listEvents(deps.db, { ...eventFilter(request.query), limit: MAX_EXPORT_ROWS });
      const name = `events${request.query.iso3 ? `-${request.query.iso3.join("-")}` : ""}`;
      return send(
        reply,
        tableFile(
          request.query.format,
          name.toLowerCase(),
          EVENT_COLUMNS,
          page.events.map(presentEvent),
          (e) =>
            e.latitude !== null && e.longitude !== null
              ? { type: "Point", coordinates: [e.longitude, e.latitude] }
              : e.priogridGid
                ? gridCell(e.priogridGid)
                : null,
        ),
      );
    },
  );

  app.get(
    "/api/data/events/points",
    {
      schema: {
        tags: TAGS,
        summary: "Every event of a country as compact map points [lat, lon, best, type, date]",
        querystring: z.object({
          iso3: ZIso3Code,
          from: ZDay.optional(),
          to: ZDay.optional(),
          dataset,
        }),
        response: { 200: ZEventPoints, ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      const { iso3, from, to } = request.query;
      const rows = await eventPoints(deps.db, {
        iso3,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(request.query.dataset ? { datasetIds: request.query.dataset } : {}),
      });
      const located = rows.filter((r) => r.lat !== null && r.lon !== null);
      return {
        total: rows.length,
        placedByCell: located.filter((r) => r.byCell).length,
        datasetIds: [...new Set(located.map((r) => r.datasetId))],
        ids: located.map((r) => `${r.datasetId}/${r.id}`),
        points: located.map(
          (r) =>
            [Number(r.lat), Number(r.lon), r.best, r.type ?? 0, r.date] as [
              number,
              number,
              number,
              number,
              string,
            ],
        ),
      };
    },
  );

  app.get(
    "/api/data/events/:dataset/:id",
    {
      schema: {
        tags: TAGS,
        summary: "One event by dataset and the source's event id",
        params: z.object({ dataset: z.string().max(100), id: z.string().max(200) }),
        response: { 200: ZEvent, ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      return presentEvent(await getEvent(deps.db, request.params.dataset, request.params.id));
    },
  );

  app.get(
    "/api/data/conflicts",
    {
      schema: {
        tags: TAGS,
        summary: "UCDP/PRIO armed conflict-years, by location country",
        querystring: conflictsOf,
        response: { 200: z.array(ZConflictYear), ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      return (await listConflicts(deps.db, conflictFilter(request.query))).map(presentConflict);
    },
  );

  app.get(
    "/api/data/conflicts/export",
    {
      schema: {
        tags: TAGS,
        summary: "Armed conflict-years as CSV, HXL or GeoJSON",
        querystring: conflictsOf.extend(format.shape),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      signedIn(request);
      const rows = (await listConflicts(deps.db, conflictFilter(request.query))).map(presentConflict);
      const name = `conflicts${request.query.iso3 ? `-${request.query.iso3}` : ""}`;
      return send(reply, tableFile(request.query.format, name.toLowerCase(), CONFLICT_COLUMNS, rows));
    },
  );

  app.get(
    "/api/data/indicators",
    {
      schema: {
        tags: TAGS,
        summary: "Country-year indicators with units, sources and licences",
        description: "With `iso3`, `valueCount` counts that country's values only (0: none held for it).",
        querystring: z.object({ iso3: ZIso3Code.optional() }),
        response: { 200: z.array(ZIndicator), ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      return (await listIndicators(deps.db, request.query.iso3 ? { iso3: request.query.iso3 } : {})).map(
        presentIndicator,
      );
    },
  );

  app.get(
    "/api/data/indicators/:code/values",
    {
      schema: {
        tags: TAGS,
        summary: "One indicator's country-year values",
        params: z.object({ code: z.string().max(120) }),
        querystring: indicatorOf,
        response: { 200: z.array(ZIndicatorValue), ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      return (await indicatorSeries(deps.db, indicatorFilter(request.params.code, request.query))).map(
        presentIndicatorValue,
      );
    },
  );

  app.get(
    "/api/data/indicators/:code/values/export",
    {
      schema: {
        tags: TAGS,
        summary: "One indicator's country-year values as CSV, HXL or GeoJSON",
        params: z.object({ code: z.string().max(120) }),
        querystring: indicatorOf.extend(format.shape),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      signedIn(request);
      const rows = await indicatorSeries(deps.db, indicatorFilter(request.params.code, request.query));
      const name = `indicator-${request.params.code}${request.query.iso3 ? `-${request.query.iso3.join("-")}` : ""}`;
      return send(
        reply,
        tableFile(
          request.query.format,
          name.toLowerCase().replace(/[^a-z0-9.-]+/g, "-"),
          INDICATOR_COLUMNS,
          rows,
        ),
      );
    },
  );

  app.get(
    "/api/data/status",
    {
      schema: {
        tags: TAGS,
        summary: "The datasets held: versions, row counts, spans, licences, citations and replacements",
        response: { 200: ZDataStatus, ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      const status = await dataStatus(deps.db);
      const bundled = new Set(readBundledCatalogue().map((entry) => entry.id));
      return { ...status, datasets: status.datasets.map((d) => presentDataset(d, bundled)) };
    },
  );

  app.get(
    "/api/data/event-months/export",
    {
      schema: {
        tags: TAGS,
        summary:
          "GED fatalities per country-month (iso3,month,sb_best,ns_best,os_best) or PRIO-GRID-month (priogrid_gid,…) as CSV",
        querystring: z.object({ level: z.enum(["country", "grid"]), from: ZMonth, to: ZMonth }),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      signedIn(request);
      const { level, from, to } = request.query;
      const result = await exportEventMonths(deps.db, { level, from, to });
      return send(reply, {
        body: result.csv,
        contentType: "text/csv; charset=utf-8",
        fileName: `event-months-${level}-${from}-${to}.csv`,
      });
    },
  );

  app.get(
    "/api/data/import-kinds",
    {
      schema: {
        tags: TAGS,
        summary: "The file kinds an import accepts and the columns each reads",
        response: { 200: z.array(ZImportKindColumns), ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      return IMPORT_KINDS.map((kind) => ({
        kind,
        ...IMPORT_KIND_COLUMNS[kind],
        required: [...IMPORT_KIND_COLUMNS[kind].required],
        optional: [...IMPORT_KIND_COLUMNS[kind].optional],
      }));
    },
  );

  app.post(
    "/api/data/imports",
    {
      schema: {
        tags: TAGS,
        summary: "Upload a file to import (multipart/form-data: `file` plus the fields below)",
        description:
          "Fields: kind (ged, views-cm, acd, peace-agreements, acled, indicators, hxl), and optionally datasetId, title, version, licence, licenceUrl, citation, source, coverage (observed|world), indicator. " +
          "Answers 202 with the running job (poll GET /api/data/imports/{id}); with ?wait=true answers 200 when the import has finished, with its report. " +
          "A refused file is a finished job whose report has ok=false and lists the first 100 problems (file, line, column, value, reason).",
        consumes: ["multipart/form-data"],
        querystring: z.object({ wait: z.enum(["true", "false"]).default("false") }),
        response: { 200: ZImportJob, 202: ZImportJob, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      if (!deps.handle) throw new Error("This server was started without bulk database access.");
      if (!request.isMultipart())
        throw invalid("Send the file as multipart/form-data.", [{ field: "file", message: "required" }]);
      const fields: Record<string, string> = {};
      let saved: string | null = null;
      for await (const part of request.parts()) {
        if (part.type === "file") {
          const dir = await mkdtemp(join(tmpdir(), "continuum-upload-"));
          // The report names the person's own file, so keep its name (without any folder part).
          const name = (part.filename || "upload.csv").replace(/^.*[\\/]/, "").replace(/[^\w.\- ()]+/g, "_");
          saved = join(dir, name || "upload.csv");
          await pipeline(part.file, createWriteStream(saved));
          if (part.file.truncated)
            throw invalid("The file is too large.", [
              { field: "file", message: `at most ${MAX_UPLOAD_BYTES / 1_048_576} MB` },
            ]);
        } else if (typeof part.value === "string") {
          fields[part.fieldname] = part.value;
        }
      }
      if (!saved) throw invalid("No file was sent.", [{ field: "file", message: "required" }]);
      const options = ZImportOptions.parse(
        Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== "")),
      );
      const { job, finished } = startImportJob(ctx, deps.handle, {
        kind: options.kind,
        file: saved,
        ...(options.datasetId ? { datasetId: options.datasetId } : {}),
        ...(options.title ? { title: options.title } : {}),
        ...(options.version ? { version: options.version } : {}),
        ...(options.licence ? { licence: options.licence } : {}),
        ...(options.licenceUrl ? { licenceUrl: options.licenceUrl } : {}),
        ...(options.citation ? { citation: options.citation } : {}),
        ...(options.source ? { source: options.source } : {}),
        ...(options.coverage ? { coverage: options.coverage } : {}),
        ...(options.indicator ? { indicators: { indicator: options.indicator } } : {}),
      });
      if (request.query.wait === "true") return reply.code(200).send(presentImportJob(await finished));
      return reply.code(202).send(presentImportJob(job));
    },
  );

  app.get(
    "/api/data/imports/:id",
    {
      schema: {
        tags: TAGS,
        summary: "An import job you started: progress in bytes, then its report",
        params: z.object({ id: z.uuid() }),
        response: { 200: ZImportJob, ...errorResponses },
      },
    },
    async (request) => presentImportJob(getImportJob(signedIn(request), request.params.id)),
  );
};
