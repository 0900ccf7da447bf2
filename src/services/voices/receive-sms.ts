import { createHmac, timingSafeEqual } from "node:crypto";
import { ZodError } from "zod";
import { DomainError } from "../../core/shared/errors.ts";
import { type Language, ZLanguage } from "../../core/shared/languages.ts";
import { parseSms } from "../../core/voices/sms.ts";
import { smsText } from "../../core/voices/sms-replies.ts";
import { unseal } from "../../repositories/voices/envelope.ts";
import { listReplies } from "../../repositories/voices/notes.repository.ts";
import { findSealed } from "../../repositories/voices/reports.repository.ts";
import { reportOfReceipt } from "./read-receipt.ts";
import type { SealedPayload } from "./sealed-payload.ts";
import { confirmSmsSent } from "./sms-outbox.ts";
import { submitReport } from "./submit-report.ts";
import { type PublicContext, receivingOrganisation, type VoicesDeps } from "./voices-context.ts";

/** Fields of a report that come from what the reporter wrote (the date and number come from the gateway). */
const writtenFields = new Set(["description", "place", "iso3", "category"]);

/** A refusal of what the reporter wrote, which the reporter is told of; a gateway's own mistake stays an error. */
const isRefusedContent = (error: unknown): boolean => {
  const fields =
    error instanceof ZodError
      ? error.issues.map((issue) => String(issue.path[0] ?? ""))
      : error instanceof DomainError && error.code === "validation_failed"
        ? error.details.map((detail) => detail.field.split(".")[0] ?? "")
        : [];
  return fields.length > 0 && fields.every((field) => writtenFields.has(field));
};

/** How far a signed webhook's timestamp may be from our clock (replayed old requests are refused). */
const SMS_SIGNATURE_TOLERANCE_SECONDS = 300;

/** What a gateway call signs besides its body: the method and path, e.g. `GET /api/public/sms/outbox`. */
type GatewayRequest = { method: string; path: string };

/**
 * The gateway signs `<timestamp>.<METHOD> <path>.<raw body>` with HMAC-SHA256 under the shared secret and
 * sends `X-Continuum-Timestamp: <unix seconds>` and `X-Continuum-Signature: sha256=<hex>`. The method and path
 * are signed because several calls have an empty body: a captured confirmation must not read the outbox.
 */
export const smsSignature = (
  secret: string,
  timestamp: string,
  request: GatewayRequest,
  body: string,
): string =>
  `sha256=${createHmac("sha256", secret)
    .update(`${timestamp}.${request.method} ${request.path}.${body}`)
    .digest("hex")}`;

export const verifySmsSignature = (
  secret: string | undefined,
  headers: { timestamp?: string | undefined; signature?: string | undefined },
  request: GatewayRequest,
  body: string,
  now: Date,
): void => {
  if (!secret) throw new DomainError("not_found", "The SMS webhook is not configured on this instance.");
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) {
    throw new DomainError("unauthenticated", "Missing X-Continuum-Timestamp or X-Continuum-Signature.");
  }
  const age = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (!Number.isFinite(age) || age > SMS_SIGNATURE_TOLERANCE_SECONDS) {
    throw new DomainError("unauthenticated", "The signature's timestamp is too old or not a number.");
  }
  const expected = Buffer.from(smsSignature(secret, timestamp, request, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new DomainError("unauthenticated", "The SMS signature does not match.");
  }
};

type IncomingSms = { id: string; from: string; text: string; receivedAt?: string | undefined };

/**
 * The gateway's message id marks a retry only with the same sender and text: a gateway that reuses an id for
 * another message must not hand its sender the first reporter's receipt, nor drop the message. Keyed with the
 * webhook secret, so that the stored reference cannot be tested against guessed phone numbers.
 */
const messageReference = (secret: string, sms: IncomingSms): string =>
  `${sms.id}:${createHmac("sha256", secret).update(`${sms.from}\n${sms.text}`).digest("hex").slice(0, 16)}`;

const digitsOf = (phone: string | undefined): string => (phone ?? "").replace(/\D/g, "");

type ReceiptReport = NonNullable<Awaited<ReturnType<typeof reportOfReceipt>>>;

/**
 * By SMS the sender's number is known: a report that came by SMS tells its status and replies only to the phone
 * that sent it, so an overheard receipt code is not enough. A report from the web form has no number to check.
 */
const askedByReporter = async (
  ctx: PublicContext,
  deps: VoicesDeps,
  report: ReceiptReport,
  from: string,
): Promise<boolean> => {
  if (report.channel !== "sms") return true;
  const sealed = await findSealed(ctx.db, report.id);
  const phone = sealed ? unseal<SealedPayload>(deps.keyring, report.id, sealed).contact.phone : undefined;
  return digitsOf(phone) === digitsOf(from);
};

/**
 * The status of a report and its latest reply, which is then delivered: the gateway need not send it again
 * from the outbox. `STATUS` is the word reporters of every language may type in Latin letters, so it is
 * answered in the report's language; `STATUT` and `حالة` choose theirs.
 */
const answerStatus = async (
  ctx: PublicContext,
  deps: VoicesDeps,
  asked: { receipt: string; language: Language },
  from: string,
): Promise<string> => {
  const report = await reportOfReceipt(ctx.db, asked.receipt);
  if (!report || !(await askedByReporter(ctx, deps, report, from)))
    return smsText(asked.language, "unknownReceipt", {});
  const language = asked.language === "en" ? ZLanguage.catch("en").parse(report.language) : asked.language;
  const latest = (await listReplies(ctx.db, report.id)).at(-1);
  if (latest) await confirmSmsSent(ctx, deps, latest.id);
  return smsText(language, "status", { status: report.status, reply: latest?.body ?? "" });
};

/**
 * One message from the gateway: a new report (answered with its receipt code), a STATUS question
 * (answered with the status and the latest reply) or HELP (answered with how to report). The answer goes back in the webhook response.
 */
export const receiveSms = async (
  ctx: PublicContext,
  deps: VoicesDeps,
  sms: IncomingSms,
): Promise<{ reply: string; receipt: string | null }> => {
  const intent = parseSms(sms.text);
  if (intent.kind === "help") return { reply: smsText(intent.language, "help", {}), receipt: null };
  if (intent.kind === "status")
    return { reply: await answerStatus(ctx, deps, intent, sms.from), receipt: null };
  const received = sms.receivedAt ? new Date(sms.receivedAt) : ctx.now();
  const date = (Number.isNaN(received.getTime()) ? ctx.now() : received).toISOString().slice(0, 10);
  const ownerOrgId = await receivingOrganisation(ctx.db, deps.settings);
  let result: Awaited<ReturnType<typeof submitReport>>;
  try {
    result = await submitReport(
      ctx,
      deps,
      {
        category: intent.category,
        description: intent.description,
        ...(intent.place ? { place: intent.place } : {}),
        date,
        language: intent.language,
        contact: { phone: sms.from },
      },
      { channel: "sms", ownerOrgId, sourceRef: messageReference(deps.settings.smsSecret ?? "", sms) },
    );
  } catch (error) {
    // The reporter is answered, not the gateway refused: a silent phone is no answer to someone at risk.
    if (!isRefusedContent(error)) throw error;
    const help = smsText(intent.language, "help", {});
    return { reply: `${smsText(intent.language, "notStored", {})} ${help}`, receipt: null };
  }
  const thanks = smsText(intent.language, "received", { receipt: result.receipt });
  // Staff can still place it from the name kept as written; the reporter learns how to be placed next time.
  const unplaced =
    intent.place && !result.located ? smsText(intent.language, "placeUnknown", { place: intent.place }) : "";
  return { reply: [thanks, unplaced].filter(Boolean).join(" "), receipt: result.receipt };
};
