import type { ReportDetail } from "./voices-api.ts";

/** The page shows a report's id by its first characters: typed so, the flagged possible original is meant. */
const fullReportId = (typed: string, flagged: string | null): string => {
  const start = typed.trim().toLowerCase();
  return flagged && start.length >= 8 && flagged.startsWith(start) ? flagged : typed.trim();
};

/**
 * The original a triage names. The flagged possible original fills the field in advance, ready for marking
 * the report a duplicate; left as it was under another status, it is no change (a verifier who finds the
 * report is not a duplicate must not have to empty the field first). Typed by hand, it is always sent, so
 * that the server can say the status must be "duplicate" too.
 */
const originalNamed = (data: Record<string, string>, report: ReportDetail): string | null => {
  const typed = data.duplicateOf?.trim() ?? "";
  if (!typed) return null;
  const asFlagged = typed === (report.possibleDuplicateOf ?? "");
  return data.status === "duplicate" || !asFlagged ? fullReportId(typed, report.possibleDuplicateOf) : null;
};

/** Only what the form changes is sent: an empty choice keeps the report as it is. */
export const triageChange = (data: Record<string, string>, report: ReportDetail) => {
  const duplicateOf = originalNamed(data, report);
  return {
    ...(data.status ? { status: data.status } : {}),
    ...(duplicateOf ? { duplicateOf } : {}),
    ...(data.category ? { category: data.category } : {}),
    ...(data.clearance ? { clearance: data.clearance } : {}),
    ...(data.assign === "none" ? { assignedTo: null } : data.assign ? { assignedTo: data.assign } : {}),
    ...(data.note ? { note: data.note } : {}),
  };
};
