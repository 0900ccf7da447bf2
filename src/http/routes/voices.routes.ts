import { z } from "zod";
import { ZShareRecord } from "../../core/analyses/analysis.schemas.ts";
import { ZMonth } from "../../core/shared/calendar.schemas.ts";
import { ZColleague } from "../../core/users/user.schemas.ts";
import {
  ZCategory,
  ZIso3,
  ZPointsQuery,
  ZQueueQuery,
  ZRedactInput,
  ZReplyInput,
  ZReportDetail,
  ZReportMap,
  ZReportReply,
  ZRevealed,
  ZSignals,
  ZTriageChange,
  ZVoicesReport,
} from "../../core/voices/report.schemas.ts";
import { shareRecord } from "../../services/access/share-record.ts";
import { evaluateCountrySurge, type SurgeOutcome } from "../../services/voices/evaluate-surge.ts";
import { getReport } from "../../services/voices/get-report.ts";
import { listCategories } from "../../services/voices/list-categories.ts";
import { listReportPoints } from "../../services/voices/list-report-points.ts";
import { listReports } from "../../services/voices/list-reports.ts";
import { listTriageColleagues } from "../../services/voices/list-triage-colleagues.ts";
import { redactReport } from "../../services/voices/redact-report.ts";
import { replyToReporter } from "../../services/voices/reply-to-reporter.ts";
import { gridSignals, reportSignals } from "../../services/voices/report-signals.ts";
import { revealReport } from "../../services/voices/reveal-report.ts";
import { triageReport } from "../../services/voices/triage-report.ts";
import { contextOf } from "../context.ts";
import {
  gridSignalsFile,
  presentReply,
  presentReport,
  presentReportCluster,
  presentReportDetail,
  presentReportPoint,
  presentSurge,
} from "../presenters/voices.presenter.ts";
import { errorResponses, ZIdParams } from "../schemas.ts";
import { sendFile } from "../send-file.ts";
import { voicesRuntime } from "../voices-guard.ts";
import type { AppRoutes } from "./types.ts";
import { voicesFormRoutes } from "./voices-form.routes.ts";
import { voicesIntakeRoutes } from "./voices-intake.routes.ts";
import { voicesPublicRoutes } from "./voices-public.routes.ts";

const ZSignalQuery = z.object({ iso3: ZIso3.optional(), from: ZMonth.optional(), to: ZMonth.optional() });
const signalFilter = (q: z.infer<typeof ZSignalQuery>) => ({
  iso3: q.iso3,
  from: q.from ? `${q.from}-01` : undefined,
  to: q.to ? `${q.to}-01` : undefined,
});

/** Community reports: public intake, the staff's triage, replies and signals, and bulk imports. */
export const voicesRoutes: AppRoutes = (app, deps) => {
  const runtime = voicesRuntime(deps.config, deps.db);
  const shownSurge = (surge: SurgeOutcome) => presentSurge(surge, runtime.settings.minCellCount);
  voicesPublicRoutes(app, deps, runtime);
  voicesIntakeRoutes(app, deps, runtime);
  voicesFormRoutes(app, deps, runtime);

  app.get(
    "/api/voices/reports",
    {
      schema: {
        tags: ["voices"],
        summary: "The triage queue: reports you may see, newest first",
        querystring: ZQueueQuery,
        response: {
          200: z.object({ reports: z.array(ZVoicesReport), total: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const ctx = contextOf(deps, request);
      const { reports, total } = await listReports(ctx, request.query);
      return { reports: reports.map((r) => presentReport(r, ctx.actor)), total };
    },
  );

  app.get(
    "/api/voices/reports/points",
    {
      schema: {
        tags: ["voices"],
        summary:
          "Every report you may see that matches the queue's filters and has a place, as a map's points or clusters",
        description:
          "Not paged: a map shows every match. Up to 2,000 reports, each is a point (`clusters` empty); beyond, they are counted per square grid cell sized to their extent (about 24 cells across), at their mean place (`points` empty). Outside the receiving organisation a report is placed at its PRIO-GRID cell's centre (coarsened), as in the queue.",
        querystring: ZPointsQuery,
        response: { 200: ZReportMap, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(deps, request);
      const map = await listReportPoints(ctx, request.query);
      return {
        total: map.total,
        points: map.points.map((point) => presentReportPoint(point, ctx.actor)),
        clusters: map.clusters.map(presentReportCluster),
      };
    },
  );

  app.get(
    "/api/voices/reports/:id",
    {
      schema: {
        tags: ["voices"],
        summary: "One report with notes and replies",
        params: ZIdParams,
        response: { 200: ZReportDetail, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(deps, request);
      return presentReportDetail(await getReport(ctx, request.params.id), ctx.actor);
    },
  );

  app.patch(
    "/api/voices/reports/:id",
    {
      schema: {
        tags: ["voices"],
        summary: "Triage: status, duplicate, category, assignment, place, clearance, note",
        params: ZIdParams,
        body: ZTriageChange,
        response: { 200: ZReportDetail.extend({ surge: z.unknown().optional() }), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(deps, request);
      const { report, newlyVerified } = await triageReport(ctx, request.params.id, request.body);
      const surge =
        newlyVerified && report.iso3 ? await evaluateCountrySurge(ctx, report.iso3, report.date) : undefined;
      return { ...presentReportDetail(report, ctx.actor), ...(surge ? { surge: shownSurge(surge) } : {}) };
    },
  );

  app.get(
    "/api/voices/reports/:id/assignees",
    {
      schema: {
        tags: ["voices"],
        summary: "The receiving organisation's staff who triage: whom the report may be assigned to",
        params: ZIdParams,
        response: { 200: z.array(ZColleague), ...errorResponses },
      },
    },
    (request) => listTriageColleagues(contextOf(deps, request), request.params.id),
  );

  app.post(
    "/api/voices/reports/:id/redact",
    {
      schema: {
        tags: ["voices"],
        summary: "Replace the report's text with a redacted version (the original stays sealed)",
        params: ZIdParams,
        body: ZRedactInput,
        response: { 200: ZReportDetail, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(deps, request);
      return presentReportDetail(await redactReport(ctx, request.params.id, request.body), ctx.actor);
    },
  );

  app.post(
    "/api/voices/reports/:id/reveal",
    {
      schema: {
        tags: ["voices"],
        summary: "Reveal the reporter's contact and the original text (confidential clearance; audit-logged)",
        params: ZIdParams,
        body: z.object({ reason: z.string().trim().min(3).max(500) }),
        response: { 200: ZRevealed, ...errorResponses },
      },
    },
    async (request) =>
      revealReport(contextOf(deps, request), runtime, request.params.id, request.body.reason),
  );

  app.post(
    "/api/voices/reports/:id/replies",
    {
      schema: {
        tags: ["voices"],
        summary: "Reply to the reporter through the report's channel (receipt page, or SMS via the gateway)",
        params: ZIdParams,
        body: ZReplyInput,
        response: { 201: ZReportReply, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentReply(await replyToReporter(contextOf(deps, request), request.params.id, request.body))),
  );

  app.put(
    "/api/voices/reports/:id/shares",
    {
      schema: {
        tags: ["voices"],
        summary: "Share a report with named organisations (they see it coarsened)",
        params: ZIdParams,
        body: ZShareRecord,
        response: { 200: z.object({ sharedWith: z.array(z.uuid()) }), ...errorResponses },
      },
    },
    async (request) => ({
      sharedWith: await shareRecord(
        contextOf(deps, request),
        "voices_reports",
        request.params.id,
        request.body.orgIds,
        "voices.triage",
      ),
    }),
  );

  app.get(
    "/api/voices/categories",
    {
      schema: {
        tags: ["voices"],
        summary: "Report categories and their risk factors",
        response: { 200: z.array(ZCategory), ...errorResponses },
      },
    },
    () => listCategories(deps.db),
  );

  app.get(
    "/api/voices/signals",
    {
      schema: {
        tags: ["voices"],
        summary:
          "Verified reports per country-month (by category) and per PRIO-GRID cell-month; counts under k withheld",
        querystring: ZSignalQuery,
        response: { 200: ZSignals, ...errorResponses },
      },
    },
    async (request) => {
      contextOf(deps, request);
      return reportSignals(deps.db, signalFilter(request.query), runtime.settings.minCellCount);
    },
  );

  app.get(
    "/api/voices/signals.csv",
    {
      schema: {
        tags: ["voices"],
        summary:
          "Export: verified reports per PRIO-GRID cell, month and category (CSV; counts under k withheld)",
        querystring: ZSignalQuery,
        produces: ["text/csv"],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      contextOf(deps, request);
      return sendFile(
        reply,
        gridSignalsFile(
          await gridSignals(deps.db, signalFilter(request.query), runtime.settings.minCellCount),
        ),
      );
    },
  );

  app.post(
    "/api/voices/surge",
    {
      schema: {
        tags: ["voices"],
        summary: "Apply the surge rule to a country-month of verified reports (raises an alert on a surge)",
        body: z.object({ iso3: ZIso3, month: ZMonth }),
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (request) => {
      return shownSurge(
        await evaluateCountrySurge(contextOf(deps, request), request.body.iso3, `${request.body.month}-01`),
      );
    },
  );
};
