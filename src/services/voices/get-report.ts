import {
  listNotes,
  listReplies,
  type NoteRow,
  type ReplyRow,
} from "../../repositories/voices/notes.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { loadVisibleReport, type ReportView } from "./report-view.ts";

export type ReportDetailView = ReportView & { notes: NoteRow[]; replies: ReplyRow[] };

/** One report with its triage notes and the replies sent to the reporter. */
export const getReport = async (ctx: ServiceContext, id: string): Promise<ReportDetailView> => {
  const view = await loadVisibleReport(ctx, id);
  const [notes, replies] = await Promise.all([listNotes(ctx.db, id), listReplies(ctx.db, id)]);
  return { ...view, notes, replies };
};
