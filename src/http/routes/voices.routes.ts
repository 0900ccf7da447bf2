import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize } from "../../core/access/policies.ts";
import { ZShareRecord } from "../../core/analyses/analysis.schemas.ts";
import { invalid } from "../../core/shared/errors.ts";
import { ZFormMapping } from "../../core/voices/mapping.ts";
import {
  ZCategory,
  ZIso3,
  ZQueueQuery,
  ZReceipt,
  ZReceiptCode,
  ZReceiptStatus,
  ZRedactInput,
  ZReplyInput,
  ZReportDetail,
  ZReportReply,
  ZRevealed,
  ZSignals,
  ZSubmitReport,
  ZTriageChange,
  ZVoicesReport,
} from "../../core/voices/report.schemas.ts";
import { shareRecord } from "../../services/access/share-record.ts";
import { buildGazetteer } from "../../services/voices/build-gazetteer.ts";
import { evaluateCountrySurge } from "../../services/voices/evaluate-surge.ts";
import { getReport } from "../../services/voices/get-report.ts";
import { importFormSubmissions, importUshahidi } from "../../services/voices/import-submissions.ts";
import { listCategories } from "../../services/voices/list-categories.ts";
import { listReports } from "../../services/voices/list-reports.ts";
import { readReceipt } from "../../services/voices/read-receipt.ts";
import { receiveSms, verifySmsSignature } from "../../services/voices/receive-sms.ts";
import { redactReport } from "../../services/voices/redact-report.ts";
import { replyToReporter } from "../../services/voices/reply-to-reporter.ts";
import { reportSignals, signalsCsv } from "../../services/voices/report-signals.ts";
import { revealReport } from "../../services/voices/reveal-report.ts";
import { listForms, saveForm, ZSaveForm } from "../../services/voices/save-form.ts";
import { collectSmsOutbox, confirmSmsSent } from "../../services/voices/sms-outbox.ts";
import { submitReport } from "../../services/voices/submit-report.ts";
import { triageReport } from "../../services/voices/triage-report.ts";
import { type PublicContext, receivingOrganisation } from "../../services/voices/voices-context.ts";
import { contextOf } from "../context.ts";
import { presentReply, presentReport, presentReportDetail } from "../presenters/voices.presenter.ts";
import { errorResponses, ZErrorBody, ZIdParams } from "../schemas.ts";
import { sendFile } from "../send-file.ts";
import { checkRate, voicesRuntime } from "../voices-guard.ts";
import type { AppRoutes } from "./types.ts";
import { voicesFormRoutes } from "./voices-form.routes.ts";

const publicErrors = { 400: ZErrorBody, 404: ZErrorBody, 429: ZErrorBody } as const;
const ZMonth = z.string().regex(/^\d{4}-\d{2}$/, "a month as YYYY-MM");
const ZSignalQuery = z.object({ iso3: ZIso3.optional(), from: ZMonth.optional(), to: ZMonth.optional() });
const signalFilter = (q: z.infer<typeof ZSignalQuery>) => ({
  iso3: q.iso3,
  from: q.from ? `${q.from}-01` : undefined,
  to: q.to ? `${q.to}-01` : undefined,
});

const ZSms = z.object({
  id: z.string().min(1).max(200),
  from: z.string().regex(/^\+?[0-9]{5,20}$/, "the sender's number in international format"),
  text: z.string().min(1).max(1600),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

const ZImportSummary = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  alreadyStored: z.number().int(),
  skipped: z.array(z.object({ row: z.number().int(), problems: z.array(z.string()) })),
});

const ZForm = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(["kobo", "odk", "feed"]),
  clearance: z.string(),
  mapping: ZFormMapping,
  updatedAt: z.string(),
});

export const voicesRoutes: AppRoutes = (app, deps) => {
  const runtime = voicesRuntime(deps.config, deps.db);
  const publicContext = (label: string): PublicContext => ({ db: deps.db, now: deps.now, via: "api", label });

  // ── Public: no account ──────────────────────────────────────────────────────────────────────────
  app.post(
    "/api/public/reports",
    {
      config: { public: true },
      bodyLimit: 64 * 1024,
      schema: {
        tags: ["voices"],
        summary: "Submit a community report (no account); answers with the receipt code to follow it",
        security: [],
        body: ZSubmitReport,
        response: { 201: ZReceipt, ...publicErrors },
      },
    },
    async (request, reply) => {
      checkRate(reply, deps.now().getTime(), [[runtime.byAddress, `submit|${request.ip}`]]);
      await runtime.placesReady();
      const ctx = publicContext("public:api");
      const ownerOrgId = await receivingOrganisation(deps.db, runtime.settings);
      const result = await submitReport(ctx, runtime, request.body, { channel: "api", ownerOrgId });
      return reply.code(201).send({ receipt: result.receipt });
    },
  );

  app.get(
    "/api/public/reports/:receipt",
    {
      config: { public: true },
      schema: {
        tags: ["voices"],
        summary: "The status of a report, and any reply, by its receipt code",
        security: [],
        params: z.object({ receipt: ZReceiptCode }),
        response: { 200: ZReceiptStatus, ...publicErrors },
      },
    },
    async (request, reply) => {
      checkRate(reply, deps.now().getTime(), [
        [runtime.byAddress, `receipt|${request.ip}`],
        [runtime.byReceipt, request.params.receipt.toUpperCase()],
      ]);
      return readReceipt(deps.db, request.params.receipt);
    },
  );

  app.get(
    "/api/public/report-categories",
    {
      config: { public: true },
      schema: {
        tags: ["voices"],
        summary: "Report categories",
        security: [],
        response: { 200: z.array(ZCategory) },
      },
    },
    () => listCategories(deps.db),
  );

  // The SMS gateway's routes parse JSON themselves: the signature covers the raw body.
  app.register(async (scope) => {
    const gateway = scope.withTypeProvider<ZodTypeProvider>();
    gateway.removeContentTypeParser("application/json");
    gateway.addContentTypeParser(
      "application/json",
      { parseAs: "string", bodyLimit: 16 * 1024 },
      (_request, body, done) => done(null, body),
    );
    const signed = (headers: Record<string, string | string[] | undefined>, raw: string) =>
      verifySmsSignature(
        runtime.settings.smsSecret,
        {
          timestamp: headers["x-continuum-timestamp"] as string | undefined,
          signature: headers["x-continuum-signature"] as string | undefined,
        },
        raw,
        deps.now(),
      );

    gateway.post(
      "/api/public/sms",
      {
        config: { public: true },
        schema: {
          tags: ["voices"],
          summary: "SMS gateway webhook: one incoming message; the response carries the SMS to send back",
          description:
            'Body `{id, from, text, receivedAt?}` (JSON). Headers `X-Continuum-Timestamp` (unix seconds) and `X-Continuum-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" under CONTINUUM_VOICES_SMS_SECRET>`. Retries with the same `id` are stored once.',
          security: [],
          response: {
            200: z.object({ reply: z.string(), receipt: z.string().nullable() }),
            401: ZErrorBody,
            ...publicErrors,
          },
        },
      },
      async (request, reply) => {
        const raw = typeof request.body === "string" ? request.body : "";
        signed(request.headers, raw);
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          throw invalid("The body is not JSON.");
        }
        const sms = ZSms.parse(parsed);
        checkRate(reply, deps.now().getTime(), [[runtime.byPhone, sms.from]]);
        await runtime.placesReady();
        return receiveSms(publicContext("public:sms"), runtime, sms);
      },
    );

    gateway.get(
      "/api/public/sms/outbox",
      {
        config: { public: true },
        schema: {
          tags: ["voices"],
          summary:
            "SMS gateway: staff replies waiting to be sent (signed like the webhook, over an empty body)",
          security: [],
          response: {
            200: z.array(z.object({ id: z.uuid(), to: z.string(), text: z.string() })),
            401: ZErrorBody,
            404: ZErrorBody,
          },
        },
      },
      async (request) => {
        signed(request.headers, "");
        return collectSmsOutbox(publicContext("public:sms"), runtime);
      },
    );

    gateway.post(
      "/api/public/sms/outbox/:id/sent",
      {
        config: { public: true },
        schema: {
          tags: ["voices"],
          summary: "SMS gateway: confirm a reply as sent (signed like the webhook)",
          security: [],
          params: ZIdParams,
          response: { 204: z.null(), 401: ZErrorBody, 404: ZErrorBody },
        },
      },
      async (request, reply) => {
        signed(request.headers, typeof request.body === "string" ? request.body : "");
        await confirmSmsSent(publicContext("public:sms"), runtime, request.params.id);
        return reply.code(204).send(null);
      },
    );
  });

  // ── Staff ───────────────────────────────────────────────────────────────────────────────────────
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
      return { ...presentReportDetail(report, ctx.actor), ...(surge ? { surge } : {}) };
    },
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
      return sendFile(reply, {
        body: await signalsCsv(deps.db, signalFilter(request.query), runtime.settings.minCellCount),
        contentType: "text/csv; charset=utf-8",
        fileName: "voices-grid-month.csv",
      });
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
      const ctx = contextOf(deps, request);
      authorize(ctx.actor, "voices.triage");
      return evaluateCountrySurge(ctx, request.body.iso3, `${request.body.month}-01`);
    },
  );

  app.get(
    "/api/voices/forms",
    {
      schema: {
        tags: ["voices"],
        summary: "Import forms of your organisation",
        response: { 200: z.array(ZForm), ...errorResponses },
      },
    },
    async (request) =>
      (await listForms(contextOf(deps, request))).map((f) => ({
        ...f,
        updatedAt: f.updatedAt.toISOString(),
      })),
  );

  app.put(
    "/api/voices/forms/:formId",
    {
      schema: {
        tags: ["voices"],
        summary: "Save an import form and its column mapping",
        params: z.object({ formId: z.string().max(80) }),
        body: ZSaveForm.omit({ id: true }),
        response: { 200: ZForm, ...errorResponses },
      },
    },
    async (request) => {
      const form = await saveForm(contextOf(deps, request), { ...request.body, id: request.params.formId });
      return { ...form, updatedAt: form.updatedAt.toISOString() };
    },
  );

  app.post(
    "/api/voices/forms/:formId/submissions",
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ["voices"],
        summary: "Import a KoboToolbox/ODK submission export (CSV or JSON text) through the form's mapping",
        params: z.object({ formId: z.string().max(80) }),
        body: z.object({
          format: z.enum(["csv", "json"]),
          content: z.string().min(1),
          skipInvalid: z.boolean().default(false),
        }),
        response: { 200: ZImportSummary, ...errorResponses },
      },
    },
    async (request) => {
      await runtime.placesReady();
      return importFormSubmissions(contextOf(deps, request), runtime, {
        formId: request.params.formId,
        text: request.body.content,
        format: request.body.format,
        skipInvalid: request.body.skipInvalid,
      });
    },
  );

  app.post(
    "/api/voices/imports/ushahidi",
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ["voices"],
        summary: "Import an Ushahidi v2 CSV export",
        body: z.object({ content: z.string().min(1), skipInvalid: z.boolean().default(false) }),
        response: { 200: ZImportSummary, ...errorResponses },
      },
    },
    async (request) => {
      await runtime.placesReady();
      return importUshahidi(contextOf(deps, request), runtime, {
        text: request.body.content,
        skipInvalid: request.body.skipInvalid,
      });
    },
  );

  app.post(
    "/api/voices/gazetteer",
    {
      schema: {
        tags: ["voices"],
        summary: "Rebuild the place-name gazetteer from the loaded events and registry",
        response: {
          200: z.object({ entries: z.number().int(), adminAreas: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      authorize(contextOf(deps, request).actor, "voices.configure");
      return buildGazetteer(deps.db);
    },
  );

  voicesFormRoutes(app, deps, runtime);
};
