import { z } from "zod";
import {
  ZBbox,
  ZConflictYear,
  ZCountryMonth,
  ZCountryTotal,
  ZGridMonth,
  ZIndicator,
  ZIndicatorValue,
  ZIso3Code,
  ZIso3List,
} from "../../core/data/data.schemas.ts";
import { assertSpan, ZMonth } from "../../core/shared/calendar.schemas.ts";
import { invalid } from "../../core/shared/errors.ts";
import {
  countryMonthSeries,
  countryTotals,
  gridMonthSeries,
  indicatorSeries,
  listConflicts,
  listIndicators,
} from "../../services/data/query-data.ts";
import { contextOf } from "../context.ts";
import {
  presentConflict,
  presentCountryMonth,
  presentGridMonth,
  presentIndicator,
  presentIndicatorValue,
} from "../presenters/data.presenter.ts";
import {
  CONFLICT_COLUMNS,
  GRID_COLUMNS,
  INDICATOR_COLUMNS,
  MONTH_COLUMNS,
} from "../presenters/data-tables.presenter.ts";
import { gridCell, tableFile } from "../presenters/tabular.presenter.ts";
import { errorResponses } from "../schemas.ts";
import { sendFile } from "../send-file.ts";
import { assertExportable, dataset, dataTags, fileResponse, format, MAX_EXPORT_ROWS } from "./data-params.ts";
import type { AppRoutes } from "./types.ts";

const monthsOf = z.object({
  iso3: ZIso3List.optional(),
  from: ZMonth.optional(),
  to: ZMonth.optional(),
  series: z.enum(["views", "events"]).optional(),
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
  dataset,
});
const indicatorOf = z.object({
  iso3: ZIso3List.optional(),
  dataset: z.string().optional(),
  fromYear: z.coerce.number().int().optional(),
  toYear: z.coerce.number().int().optional(),
});

const monthFilter = (q: z.infer<typeof monthsOf>) => {
  assertSpan(q.from, q.to);
  return {
    ...(q.iso3 ? { iso3: q.iso3 } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.series ? { series: q.series } : {}),
    ...(q.dataset ? { datasetIds: q.dataset } : {}),
  };
};
const gridFilter = (q: z.infer<typeof gridOf>, limit: number) => {
  assertSpan(q.from, q.to);
  return {
    ...(q.bbox ? { bbox: q.bbox } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.dataset ? { datasetIds: q.dataset } : {}),
    limit,
  };
};
const conflictFilter = (q: z.infer<typeof conflictsOf>) => ({
  ...(q.iso3 ? { iso3: q.iso3 } : {}),
  ...(q.dataset ? { datasetIds: q.dataset } : {}),
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

/** Country-month, grid-month, conflict-year and indicator series, and their exports, for every signed-in person. */
export const dataSeriesRoutes: AppRoutes = (app, deps) => {
  const signedIn = (request: Parameters<typeof contextOf>[1]) => contextOf(deps, request);

  app.get(
    "/api/data/country-months",
    {
      schema: {
        tags: dataTags,
        summary: "Country-month fatalities (ViEWS and GED event aggregates; month = month of date_start)",
        querystring: monthsOf,
        response: { 200: z.array(ZCountryMonth), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return (await countryMonthSeries(ctx, monthFilter(request.query))).map(presentCountryMonth);
    },
  );

  app.get(
    "/api/data/country-months/export",
    {
      schema: {
        tags: dataTags,
        summary: "Country-month fatalities as CSV, HXL or GeoJSON",
        querystring: monthsOf.extend(format.shape),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const rows = await countryMonthSeries(ctx, monthFilter(request.query));
      const name = `country-months${request.query.iso3 ? `-${request.query.iso3.join("-")}` : ""}`;
      return sendFile(reply, tableFile(request.query.format, name.toLowerCase(), MONTH_COLUMNS, rows));
    },
  );

  app.get(
    "/api/data/country-totals",
    {
      schema: {
        tags: dataTags,
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
      const ctx = signedIn(request);
      const { from, to, series } = request.query;
      assertSpan(from, to);
      const rows = await countryTotals(ctx, {
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
        tags: dataTags,
        summary:
          "PRIO-GRID-month fatalities of cells with events; refused (400) when more rows match than the limit",
        querystring: gridOf.extend({ limit: z.coerce.number().int().min(1).max(50_000).default(10_000) }),
        response: { 200: z.array(ZGridMonth), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { limit } = request.query;
      // A cut-off answer would read as complete: more rows than asked for is an error naming the way out.
      const rows = await gridMonthSeries(ctx, gridFilter(request.query, limit + 1));
      if (rows.length > limit)
        throw invalid(`More than ${limit} cell-months match.`, [
          {
            field: "querystring.limit",
            message:
              "more rows match: narrow iso3, from, to or bbox, raise the limit (at most 50000) or use /api/data/grid-months/export",
            value: limit,
          },
        ]);
      return rows.map(presentGridMonth);
    },
  );

  app.get(
    "/api/data/grid-months/export",
    {
      schema: {
        tags: dataTags,
        summary: `PRIO-GRID-month fatalities as CSV, HXL or GeoJSON (cells as polygons; a selection of more than ${MAX_EXPORT_ROWS.toLocaleString("en")} is refused)`,
        querystring: gridOf.extend(format.shape),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const rows = await gridMonthSeries(ctx, gridFilter(request.query, MAX_EXPORT_ROWS + 1));
      assertExportable(rows.length, "grid-months", true);
      return sendFile(
        reply,
        tableFile(request.query.format, "grid-months", GRID_COLUMNS, rows, (r) => gridCell(r.priogridGid)),
      );
    },
  );

  app.get(
    "/api/data/conflicts",
    {
      schema: {
        tags: dataTags,
        summary: "UCDP/PRIO armed conflict-years, by location country",
        querystring: conflictsOf,
        response: { 200: z.array(ZConflictYear), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return (await listConflicts(ctx, conflictFilter(request.query))).map(presentConflict);
    },
  );

  app.get(
    "/api/data/conflicts/export",
    {
      schema: {
        tags: dataTags,
        summary: "Armed conflict-years as CSV, HXL or GeoJSON",
        querystring: conflictsOf.extend(format.shape),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const rows = (await listConflicts(ctx, conflictFilter(request.query))).map(presentConflict);
      const name = `conflicts${request.query.iso3 ? `-${request.query.iso3}` : ""}`;
      return sendFile(reply, tableFile(request.query.format, name.toLowerCase(), CONFLICT_COLUMNS, rows));
    },
  );

  app.get(
    "/api/data/indicators",
    {
      schema: {
        tags: dataTags,
        summary: "Country-year indicators with units, sources and licences",
        description: "With `iso3`, `valueCount` counts that country's values only (0: none held for it).",
        querystring: z.object({ iso3: ZIso3Code.optional() }),
        response: { 200: z.array(ZIndicator), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return (await listIndicators(ctx, request.query.iso3 ? { iso3: request.query.iso3 } : {})).map(
        presentIndicator,
      );
    },
  );

  app.get(
    "/api/data/indicators/:code/values",
    {
      schema: {
        tags: dataTags,
        summary: "One indicator's country-year values",
        params: z.object({ code: z.string().max(120) }),
        querystring: indicatorOf,
        response: { 200: z.array(ZIndicatorValue), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return (await indicatorSeries(ctx, indicatorFilter(request.params.code, request.query))).map(
        presentIndicatorValue,
      );
    },
  );

  app.get(
    "/api/data/indicators/:code/values/export",
    {
      schema: {
        tags: dataTags,
        summary: "One indicator's country-year values as CSV, HXL or GeoJSON",
        params: z.object({ code: z.string().max(120) }),
        querystring: indicatorOf.extend(format.shape),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const rows = await indicatorSeries(ctx, indicatorFilter(request.params.code, request.query));
      const name = `indicator-${request.params.code}${request.query.iso3 ? `-${request.query.iso3.join("-")}` : ""}`;
      return sendFile(
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
};
