import { conflict } from "../../core/shared/errors.ts";
import { answerableChannels, ZReplyInput } from "../../core/voices/report.schemas.ts";
import { insertReply, type ReplyRow } from "../../repositories/voices/notes.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { loadReportForChange } from "./report-view.ts";

/**
 * A public reply to the reporter, through the channel the report came by: SMS replies are queued for the
 * gateway (GET /api/public/sms/outbox); every reply, whatever the channel, also shows on the receipt
 * page and in answer to STATUS. Replies are public to the receipt holder: never put names in them.
 */
export const replyToReporter = async (ctx: ServiceContext, id: string, raw: unknown): Promise<ReplyRow> => {
  const { body } = ZReplyInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const report = await loadReportForChange(tx, id, "voices.reply");
    if (!answerableChannels.includes(report.channel))
      throw conflict(
        `This report was imported (${report.channel}): its reporter holds no receipt code, so a reply would reach no one. Answer through the organisation that collected it.`,
        [{ field: "channel", message: `no way back to a ${report.channel} reporter` }],
      );
    const bySms = report.channel === "sms";
    const reply = await insertReply(tx.db, {
      reportId: id,
      body,
      channel: bySms ? "sms" : "receipt",
      delivery: bySms ? "queued" : "shown",
      authorId: ctx.actor.userId,
      at: ctx.now(),
    });
    await audit(tx, {
      action: "voices.reply",
      entityType: "voices_reports",
      entityId: id,
      after: { replyId: reply.id, channel: reply.channel, delivery: reply.delivery, body },
    });
    return reply;
  });
};
