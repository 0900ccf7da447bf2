import { notFound } from "../../core/shared/errors.ts";
import { unseal } from "../../repositories/voices/envelope.ts";
import { markReplySent, queuedSmsReplies, replyExists } from "../../repositories/voices/notes.repository.ts";
import { findSealed } from "../../repositories/voices/reports.repository.ts";
import { inTransaction } from "../shared/context.ts";
import type { SealedPayload } from "./sealed-payload.ts";
import { auditPublic, type PublicContext, receivingOrganisation, type VoicesDeps } from "./voices-context.ts";

type OutgoingSms = { id: string; to: string; text: string };

/**
 * Replies waiting for the SMS gateway. The phone number is unsealed only here, in memory, for the
 * signed gateway call; it is never stored in plain text.
 */
export const collectSmsOutbox = async (
  ctx: PublicContext,
  deps: VoicesDeps,
  limit = 100,
): Promise<OutgoingSms[]> => {
  const queued = await queuedSmsReplies(ctx.db, limit);
  const messages: OutgoingSms[] = [];
  for (const reply of queued) {
    const sealed = await findSealed(ctx.db, reply.reportId);
    if (!sealed) continue;
    const phone = unseal<SealedPayload>(deps.keyring, reply.reportId, sealed).contact.phone;
    if (phone) messages.push({ id: reply.id, to: phone, text: reply.body });
  }
  return messages;
};

/** The gateway confirms a message as sent; confirming twice is harmless. */
export const confirmSmsSent = async (
  ctx: PublicContext,
  deps: VoicesDeps,
  replyId: string,
): Promise<void> => {
  const orgId = await receivingOrganisation(ctx.db, deps.settings);
  await inTransaction(ctx, async (tx) => {
    const changed = await markReplySent(tx.db, replyId, ctx.now());
    if (!changed) {
      if (!(await replyExists(tx.db, replyId))) throw notFound("Message");
      return;
    }
    await auditPublic(tx, orgId, {
      action: "voices.sms_sent",
      entityType: "voices_replies",
      entityId: replyId,
    });
  });
};
