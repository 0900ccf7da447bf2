import { forbidden, notFound } from "../../core/shared/errors.ts";
import { normaliseReceipt } from "../../core/voices/receipt.ts";
import type { TReceiptStatus } from "../../core/voices/report.schemas.ts";
import type { Db } from "../../db/types.ts";
import { listReplies } from "../../repositories/voices/notes.repository.ts";
import { findReportByReceipt } from "../../repositories/voices/reports.repository.ts";
import { receiptHash } from "./submit-report.ts";

/** The report a receipt code (typed in any case, with or without its dashes) belongs to. */
export const reportOfReceipt = (db: Db, typed: string) => {
  const code = normaliseReceipt(typed);
  return code ? findReportByReceipt(db, receiptHash(code)) : Promise.resolve(undefined);
};

/**
 * What the holder of a receipt may know: the status of their own report and the replies addressed to
 * them. Nothing about who handles it, other reports or other people. `online`: asked on the web, where the
 * code is the only key; an SMS report's code was also seen on the phone (and may be overheard), so its status
 * and replies go only to the phone that sent it (`receive-sms.ts`).
 */
export const readReceipt = async (
  db: Db,
  typed: string,
  asked: { online: boolean },
): Promise<TReceiptStatus> => {
  const report = await reportOfReceipt(db, typed);
  if (!report) throw notFound("Receipt");
  if (asked.online && report.channel === "sms")
    throw forbidden("This report was sent by SMS: send STATUS and the code from the phone that sent it.");
  const replies = (await listReplies(db, report.id)).map((r) => ({
    body: r.body,
    at: r.createdAt.toISOString(),
  }));
  return {
    status: report.status,
    reply: replies.at(-1)?.body ?? null,
    replies,
    submittedAt: report.submittedAt.toISOString(),
    category: report.category,
  };
};
