import { notFound } from "../../core/shared/errors.ts";
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
 * them. Nothing about who handles it, other reports or other people.
 */
export const readReceipt = async (db: Db, typed: string): Promise<TReceiptStatus> => {
  const report = await reportOfReceipt(db, typed);
  if (!report) throw notFound("Receipt");
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
