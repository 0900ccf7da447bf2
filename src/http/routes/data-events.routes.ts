import { z } from "zod";
import {
  ZBbox,
  ZEvent,
  ZEventPage,
  ZEventPoints,
  ZIso3Code,
  ZIso3List,
} from "../../core/data/data.schemas.ts";
import { assertSpan, ZDay, ZMonth } from "../../core/shared/calendar.schemas.ts";
import { exportEventMonths } from "../../services/data/export-event-months.ts";
import { eventPoints, getEvent, listEvents } from "../../services/data/query-data.ts";
import { datasetsToQuery } from "../../services/data/readable-datasets.ts";
import { contextOf } from "../context.ts";
import { presentEvent } from "../presenters/data.presenter.ts";
import { EVENT_COLUMNS, eventMonthsFile } from "../presenters/data-tables.presenter.ts";
import { gridCell, tableFile } from "../presenters/tabular.presenter.ts";
import { errorResponses } from "../schemas.ts";
import { sendFile } from "../send-file.ts";
import { assertExportable, dataset, dataTags, fileResponse, format, MAX_EXPORT_ROWS } from "./data-params.ts";
import type { AppRoutes } from "./types.ts";

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
const eventFilter = (q: z.infer<typeof eventsOf>) => {
  assertSpan(q.from, q.to);
  return {
    ...(q.bbox ? { bbox: q.bbox } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.iso3 ? { iso3: q.iso3 } : {}),
    ...(q.type ? { typeOfViolence: q.type } : {}),
    ...(q.dataset ? { datasetIds: q.dataset } : {}),
  };
};

/** Events (GED, ACLED, HXL) by place, date and country, as pages, map points and files, for every signed-in person. */
export const dataEventRoutes: AppRoutes = (app, deps) => {
  const signedIn = (request: Parameters<typeof contextOf>[1]) => contextOf(deps, request);

  app.get(
    "/api/data/events",
    {
      schema: {
        tags: dataTags,
        summary: "Events (GED, ACLED, HXL) by bounding box, date and country, a page at a time",
        querystring: eventsOf.extend({
          limit: z.coerce.number().int().min(1).max(5000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: ZEventPage, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { limit, offset } = request.query;
      const page = await listEvents(ctx, { ...eventFilter(request.query), limit, offset });
      return { total: page.total, limit, offset, events: page.events.map(presentEvent) };
    },
  );

  app.get(
    "/api/data/events/export",
    {
      schema: {
        tags: dataTags,
        summary: `Events as CSV, HXL or GeoJSON points (a selection of more than ${MAX_EXPORT_ROWS.toLocaleString("en")} is refused)`,
        querystring: eventsOf.extend(format.shape),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const page = await listEvents(ctx, { ...eventFilter(request.query), limit: MAX_EXPORT_ROWS });
      assertExportable(page.total, "events");
      const name = `events${request.query.iso3 ? `-${request.query.iso3.join("-")}` : ""}`;
      return sendFile(
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
        tags: dataTags,
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
      const ctx = signedIn(request);
      const { iso3, from, to } = request.query;
      assertSpan(from, to);
      const rows = await eventPoints(ctx, {
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
        tags: dataTags,
        summary: "One event by dataset and the source's event id",
        params: z.object({ dataset: z.string().max(100), id: z.string().max(200) }),
        response: { 200: ZEvent, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return presentEvent(await getEvent(ctx, request.params.dataset, request.params.id));
    },
  );

  app.get(
    "/api/data/event-months/export",
    {
      schema: {
        tags: dataTags,
        summary:
          "GED fatalities per country-month (iso3,month,sb_best,ns_best,os_best) or PRIO-GRID-month (priogrid_gid,…) as CSV",
        querystring: z.object({ level: z.enum(["country", "grid"]), from: ZMonth, to: ZMonth, dataset }),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const { level, from, to, dataset: datasetIds } = request.query;
      await datasetsToQuery(ctx, datasetIds);
      const result = await exportEventMonths(deps.db, {
        level,
        from,
        to,
        ...(datasetIds ? { datasetIds } : {}),
      });
      return sendFile(reply, eventMonthsFile(result, { from, to }));
    },
  );
};
