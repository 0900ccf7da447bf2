import { ZRedactInput } from "../../core/voices/report.schemas.ts";
import { updateReport } from "../../repositories/voices/reports.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { getReport, type ReportDetailView } from "./get-report.ts";
import { loadReportForChange } from "./report-view.ts";

/**
 * Replaces the working text of a report with a redacted version (names, numbers, anything that could
 * identify someone). The original stays sealed and can be revealed by the cleared. The audit entry
 * records that a redaction happened, not the text removed.
 */
export const redactReport = async (
  ctx: ServiceContext,
  id: string,
  raw: unknown,
): Promise<ReportDetailView> => {
  const { description } = ZRedactInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await loadReportForChange(tx, id, "voices.triage");
    // The summary quotes the text being redacted: lists fall back to the redacted text.
    await updateReport(tx.db, id, { description, summary: null, redacted: true }, ctx.now());
    await audit(tx, {
      action: "voices.redact",
      entityType: "voices_reports",
      entityId: id,
      before: { redacted: before.redacted, length: before.description.length },
      after: { redacted: true, length: description.length },
    });
    return getReport(tx, id);
  });
};
