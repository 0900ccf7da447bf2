import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZodError, z } from "zod";
import { DomainError, invalid } from "../../core/shared/errors.ts";
import {
  ZCategory,
  ZReceipt,
  ZReceiptCode,
  ZReceiptStatus,
  ZSubmitReport,
} from "../../core/voices/report.schemas.ts";
import { listCategories } from "../../services/voices/list-categories.ts";
import { readReceipt } from "../../services/voices/read-receipt.ts";
import { receiveSms, verifySmsSignature } from "../../services/voices/receive-sms.ts";
import { collectSmsOutbox, confirmSmsSent } from "../../services/voices/sms-outbox.ts";
import { submitReport } from "../../services/voices/submit-report.ts";
import { type PublicContext, receivingOrganisation } from "../../services/voices/voices-context.ts";
import { ZErrorBody, ZIdParams } from "../schemas.ts";
import type { VoicesRuntime } from "../voices-guard.ts";
import { checkRate } from "../voices-guard.ts";
import type { RouteDeps, TypedApp } from "./types.ts";

const publicErrors = { 400: ZErrorBody, 404: ZErrorBody, 429: ZErrorBody } as const;

// Parsed inside the handler (the signature covers the raw text), so the body is named as the route schemas name it.
const ZSmsBody = z.object({
  body: z.strictObject({
    id: z.string().min(1).max(200),
    from: z
      .string()
      .regex(/^\+?[0-9]{5,20}$/, "the sender's number: digits, with a leading + in international format"),
    text: z.string().min(1).max(1600),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
  }),
});

/** The report's fields as the gateway's body names them: an SMS has a text and a time received. */
const smsFields: Readonly<Record<string, string>> = {
  description: "body.text",
  place: "body.text",
  date: "body.receivedAt",
  iso3: "body.text",
  contact: "body.from",
};

const smsFieldsNamed = async <T>(submit: () => Promise<T>): Promise<T> => {
  try {
    return await submit();
  } catch (error) {
    const details =
      error instanceof ZodError
        ? error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }))
        : error instanceof DomainError && error.code === "validation_failed"
          ? error.details
          : null;
    if (!details) throw error;
    throw invalid(
      "The message cannot be stored as a report.",
      details.map((d) => ({ ...d, field: smsFields[d.field.split(".")[0] ?? ""] ?? `body.${d.field}` })),
    );
  }
};

/** Routes without an account: the community report form's API, receipts, and the signed SMS gateway. */
export const voicesPublicRoutes = (app: TypedApp, deps: RouteDeps, runtime: VoicesRuntime): void => {
  const publicContext = (label: string): PublicContext => ({ db: deps.db, now: deps.now, via: "api", label });

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
        [runtime.byReceipt, `${request.params.receipt.toUpperCase()}|${request.ip}`],
      ]);
      return readReceipt(deps.db, request.params.receipt, { online: true });
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
    const signed = (request: FastifyRequest, raw: string) =>
      verifySmsSignature(
        runtime.settings.smsSecret,
        {
          timestamp: request.headers["x-continuum-timestamp"] as string | undefined,
          signature: request.headers["x-continuum-signature"] as string | undefined,
        },
        { method: request.method, path: request.url.split("?")[0] as string },
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
            'Body `{id, from, text, receivedAt?}` (JSON). Headers `X-Continuum-Timestamp` (unix seconds) and `X-Continuum-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.POST /api/public/sms.<raw body>" under CONTINUUM_VOICES_SMS_SECRET>`. Retries with the same `id` are stored once.',
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
        signed(request, raw);
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          throw invalid("The body is not JSON.");
        }
        const sms = ZSmsBody.parse({ body: parsed }).body;
        checkRate(reply, deps.now().getTime(), [[runtime.byPhone, sms.from, sms.id]]);
        await runtime.placesReady();
        return smsFieldsNamed(() => receiveSms(publicContext("public:sms"), runtime, sms));
      },
    );

    gateway.get(
      "/api/public/sms/outbox",
      {
        config: { public: true },
        schema: {
          tags: ["voices"],
          summary:
            "SMS gateway: staff replies waiting to be sent (signed like the webhook: `<timestamp>.GET /api/public/sms/outbox.`)",
          security: [],
          response: {
            200: z.array(z.object({ id: z.uuid(), to: z.string(), text: z.string() })),
            401: ZErrorBody,
            404: ZErrorBody,
          },
        },
      },
      async (request) => {
        signed(request, "");
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
        signed(request, typeof request.body === "string" ? request.body : "");
        await confirmSmsSent(publicContext("public:sms"), runtime, request.params.id);
        return reply.code(204).send(null);
      },
    );
  });
};
