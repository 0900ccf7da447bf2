import { z } from "zod";
import { ZMonth } from "../../core/shared/calendar.schemas.ts";
import {
  ZCellForecastExportQuery,
  ZCellForecastQuery,
  ZCellForecastView,
  ZStartCellForecast,
} from "../../core/warning/cells/cell-forecast.schemas.ts";
import { forecastCsv } from "../../core/warning/forecast-csv.ts";
import {
  ZBacktestRun,
  ZCountryForecast,
  ZForecastQuery,
  ZForecastRun,
  ZForecastRunWithEvidence,
  ZForecastsPage,
  ZIso3Code,
  ZLatestOrigin,
  ZStartBacktestRun,
  ZStartForecastRun,
  ZWatchlist,
  ZWatchlistQuery,
} from "../../core/warning/warning.schemas.ts";
import { forecastCells } from "../../services/warning/forecast-cells.ts";
import { getBacktestRun } from "../../services/warning/get-backtest-run.ts";
import { getForecastRun } from "../../services/warning/get-forecast-run.ts";
import { latestOrigin } from "../../services/warning/latest-origin.ts";
import { listBacktestRuns } from "../../services/warning/list-backtest-runs.ts";
import { listForecastRuns } from "../../services/warning/list-forecast-runs.ts";
import { readCellForecast } from "../../services/warning/read-cell-forecast.ts";
import { readCountryForecast } from "../../services/warning/read-country-forecast.ts";
import { readForecasts } from "../../services/warning/read-forecasts.ts";
import { readWatchlist } from "../../services/warning/read-watchlist.ts";
import { startBacktestRun } from "../../services/warning/run-backtest.ts";
import { startForecastRun } from "../../services/warning/run-forecast.ts";
import { contextOf } from "../context.ts";
import { cellForecastFile, presentCellForecast } from "../presenters/cell-forecast.presenter.ts";
import {
  presentBacktestRun,
  presentCountryForecast,
  presentForecast,
  presentForecastRun,
  presentForecastRunWithEvidence,
  presentLatestOrigin,
  presentWatchlist,
} from "../presenters/warning.presenter.ts";
import { errorResponses, ZIdParams } from "../schemas.ts";
import { sendFile } from "../send-file.ts";
import type { AppRoutes } from "./types.ts";

const tags = ["early warning"];
const ZLimit = z.coerce.number().int().min(1).max(500).default(50);

export const warningRoutes: AppRoutes = (app, deps) => {
  app.post(
    "/api/warning/forecast-runs",
    {
      schema: {
        tags,
        summary:
          "Start a forecast run: retrain at the origin and forecast every country (analysts, administrators)",
        description:
          "Returns at once with the run (status running); poll GET /api/warning/forecast-runs/{id} for progress. Model jobs run one at a time.",
        // A run takes minutes: a misspelt field is refused rather than starting a run with the defaults.
        body: ZStartForecastRun.strict(),
        response: { 202: ZForecastRun, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { run } = await startForecastRun(contextOf(deps, request), { ...request.body, trigger: "api" });
      return reply.code(202).send(presentForecastRun(run));
    },
  );

  app.get(
    "/api/warning/forecast-runs",
    {
      schema: {
        tags,
        summary:
          "Forecast runs, newest first; latestPerOrigin=true gives the run everyone reads for each origin (its newest published one)",
        querystring: z.object({
          latestPerOrigin: z.stringbool({ truthy: ["true"], falsy: ["false"] }).default(false),
          limit: ZLimit,
        }),
        response: { 200: z.array(ZForecastRunWithEvidence), ...errorResponses },
      },
    },
    async (request) =>
      (await listForecastRuns(contextOf(deps, request), request.query)).map(presentForecastRunWithEvidence),
  );

  app.get(
    "/api/warning/forecast-runs/:id",
    {
      schema: {
        tags,
        summary: "One forecast run with its status and progress, and the reference backtest behind it",
        params: ZIdParams,
        response: { 200: ZForecastRunWithEvidence, ...errorResponses },
      },
    },
    async (request) =>
      presentForecastRunWithEvidence(await getForecastRun(contextOf(deps, request), request.params.id)),
  );

  app.get(
    "/api/warning/forecasts",
    {
      schema: {
        tags,
        summary:
          "Forecasts of a run (default: the newest published run), by country, horizon and target month",
        querystring: ZForecastQuery.extend({ runId: z.uuid().optional() }),
        response: { 200: ZForecastsPage, ...errorResponses },
      },
    },
    async (request) => {
      const { run, forecasts } = await readForecasts(contextOf(deps, request), request.query);
      return { run: presentForecastRun(run), forecasts: forecasts.map(presentForecast) };
    },
  );

  app.get(
    "/api/warning/forecasts/export",
    {
      schema: {
        tags,
        summary: "Forecasts of a run as the CSV `continuum forecast --out` writes (same filters)",
        description:
          "Columns `iso3,month,horizon,p_gt0,p_ge25,mean,q10,q50,q90`, sorted by country then horizon.",
        querystring: ZForecastQuery.extend({ runId: z.uuid().optional() }),
        produces: ["text/csv"],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { run, forecasts } = await readForecasts(contextOf(deps, request), request.query);
      return sendFile(reply, {
        body: forecastCsv(forecasts),
        contentType: "text/csv; charset=utf-8",
        fileName: `continuum-forecast-${run.origin}${request.query.iso3 ? `-${request.query.iso3}` : ""}.csv`,
      });
    },
  );

  app.get(
    "/api/warning/latest-origin",
    {
      schema: {
        tags,
        summary:
          "The newest month a forecast can start from in the data held now (a published run from an earlier origin can be brought forward)",
        response: { 200: ZLatestOrigin, ...errorResponses },
      },
    },
    async (request) => presentLatestOrigin(await latestOrigin(contextOf(deps, request))),
  );

  app.get(
    "/api/warning/watchlist",
    {
      schema: {
        tags,
        summary: "Countries ranked by forecast risk, with the change since the previous run",
        querystring: ZWatchlistQuery,
        response: { 200: ZWatchlist, ...errorResponses },
      },
    },
    async (request) => presentWatchlist(await readWatchlist(contextOf(deps, request), request.query)),
  );

  app.get(
    "/api/warning/countries/:iso3/forecast",
    {
      schema: {
        tags,
        summary: "One country's fan chart: observed series, median and 80% band per month ahead, drivers",
        params: z.object({ iso3: ZIso3Code }),
        querystring: z.object({
          runId: z.uuid().optional(),
          origin: ZMonth.optional(),
          historyMonths: z.coerce.number().int().min(1).max(480).default(60),
        }),
        response: { 200: ZCountryForecast, ...errorResponses },
      },
    },
    async (request) =>
      presentCountryForecast(
        await readCountryForecast(contextOf(deps, request), request.params.iso3, request.query),
      ),
  );

  app.get(
    "/api/warning/countries/:iso3/cell-forecast",
    {
      schema: {
        tags,
        summary:
          "One country's newest forecast per PRIO-GRID cell: P(at least one state-based death) per cell and month ahead",
        description:
          "Made for countries with GED events on first start, after each GED import, by `continuum forecast-cells` or POST /api/warning/cell-forecast-runs; 404 where no run is stored.",
        params: z.object({ iso3: ZIso3Code }),
        querystring: ZCellForecastQuery,
        response: { 200: ZCellForecastView, ...errorResponses },
      },
    },
    async (request) => {
      const { run, forecasts } = await readCellForecast(
        contextOf(deps, request),
        request.params.iso3,
        request.query,
      );
      return presentCellForecast(run, forecasts);
    },
  );

  app.get(
    "/api/warning/countries/:iso3/cell-forecast/export",
    {
      schema: {
        tags,
        summary:
          "One country's newest cell forecast as the CSV `continuum forecast-cells --out` writes, or GeoJSON",
        description:
          "CSV columns `iso3,priogrid_gid,lat,lon,month,horizon,p_gt0`, by horizon then cell; `format=geojson` gives each cell-month its 0.5° square with the same properties. `horizon` keeps one month ahead.",
        params: z.object({ iso3: ZIso3Code }),
        querystring: ZCellForecastExportQuery,
        produces: ["text/csv", "application/geo+json"],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const { run, forecasts } = await readCellForecast(contextOf(deps, request), request.params.iso3, query);
      return sendFile(reply, cellForecastFile(run, forecasts, format));
    },
  );

  app.post(
    "/api/warning/cell-forecast-runs",
    {
      schema: {
        tags,
        summary:
          "Forecast one country's PRIO-GRID cells again from its GED events (analysts, administrators)",
        description:
          "Trains in about a second, so the answer is the stored run with its cells; it waits behind any model job under way. 400 when the country has too few events for the origin.",
        body: ZStartCellForecast.strict(),
        response: { 201: ZCellForecastView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { run, forecasts } = await forecastCells(contextOf(deps, request), request.body);
      return reply.code(201).send(presentCellForecast(run, forecasts));
    },
  );

  app.post(
    "/api/warning/backtest-runs",
    {
      schema: {
        tags,
        summary: "Start a rolling-origin backtest beside the naive baselines (analysts, administrators)",
        description:
          "Returns at once with the run; poll GET /api/warning/backtest-runs/{id} for progress and, when done, the report.",
        body: ZStartBacktestRun.strict(),
        response: { 202: ZBacktestRun, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { run } = await startBacktestRun(contextOf(deps, request), request.body);
      return reply.code(202).send(presentBacktestRun(run));
    },
  );

  app.get(
    "/api/warning/backtest-runs",
    {
      schema: {
        tags,
        summary: "Backtest runs, newest first, without their reports",
        querystring: z.object({ limit: ZLimit }),
        response: { 200: z.array(ZBacktestRun), ...errorResponses },
      },
    },
    async (request) =>
      (await listBacktestRuns(contextOf(deps, request), request.query.limit)).map(presentBacktestRun),
  );

  app.get(
    "/api/warning/backtest-runs/:id",
    {
      schema: {
        tags,
        summary:
          "One backtest run with progress and report; id 'latest' is the newest succeeded run with the standard settings (else the newest succeeded)",
        params: z.object({ id: z.union([z.uuid(), z.literal("latest")]) }),
        response: { 200: ZBacktestRun, ...errorResponses },
      },
    },
    async (request) => presentBacktestRun(await getBacktestRun(contextOf(deps, request), request.params.id)),
  );
};
