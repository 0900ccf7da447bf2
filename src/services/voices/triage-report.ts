import { assertMayClassify } from "../../core/access/policies.ts";
import { priogridGid } from "../../core/data/priogrid.ts";
import { invalid } from "../../core/shared/errors.ts";
import { type TTriageChange, ZTriageChange } from "../../core/voices/report.schemas.ts";
import { listCategories } from "../../repositories/voices/forms.repository.ts";
import { insertNote } from "../../repositories/voices/notes.repository.ts";
import {
  findReportById,
  type ReportChanges,
  updateReport,
} from "../../repositories/voices/reports.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertKnownCountry } from "../shared/known-country.ts";
import { listColleagues } from "../users/list-colleagues.ts";
import { getReport, type ReportDetailView } from "./get-report.ts";
import { loadReportForChange } from "./report-view.ts";

/**
 * Moves a report through the queue: status (a duplicate names its original), category, assignment to a
 * member of the receiving organisation, corrected place, clearance, and an optional note — one audited
 * change. Returns the report and whether it became verified (the caller then evaluates the surge rule).
 */
export const triageReport = async (
  ctx: ServiceContext,
  id: string,
  raw: TTriageChange,
): Promise<{ report: ReportDetailView; newlyVerified: boolean }> => {
  const change = ZTriageChange.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await loadReportForChange(tx, id, "voices.triage");
    const changes: ReportChanges = {};
    if (change.status) {
      changes.status = change.status;
      changes.duplicateOf = change.status === "duplicate" ? (change.duplicateOf ?? null) : null;
    }
    if (changes.duplicateOf === id)
      throw invalid("A report cannot be a duplicate of itself.", [
        { field: "duplicateOf", message: "the report itself" },
      ]);
    if (changes.duplicateOf) {
      const original = await findReportById(tx.db, changes.duplicateOf);
      if (!original || original.ownerOrgId !== before.ownerOrgId)
        throw invalid("The original report was not found.", [
          { field: "duplicateOf", message: "no such report" },
        ]);
      // Two reports marked duplicates of each other would both drop out of the counts.
      if (original.duplicateOf)
        throw invalid(
          "The original is itself marked a duplicate: mark this one a duplicate of that report's original.",
          [{ field: "duplicateOf", message: `a duplicate of ${original.duplicateOf}` }],
        );
    }
    if (change.category) {
      if (!(await listCategories(tx.db)).some((c) => c.code === change.category))
        throw invalid("Unknown category.", [{ field: "category", message: "unknown category" }]);
      changes.category = change.category;
    }
    if (change.assignedTo !== undefined) {
      const clearance = change.clearance ?? before.clearance;
      const record = { ownerOrgId: before.ownerOrgId, clearance, sharedWith: before.sharedWith };
      const assignees = await listColleagues(tx.db, before.ownerOrgId, "voices.triage", record);
      if (change.assignedTo && !assignees.some((p) => p.userId === change.assignedTo))
        throw invalid(
          "Reports are assigned to colleagues of the receiving organisation who triage and may read them.",
          [{ field: "assignedTo", message: "not a colleague who triages this report" }],
        );
      changes.assignedTo = change.assignedTo;
    }
    if (change.iso3) await assertKnownCountry(tx.db, change.iso3);
    if (change.iso3 !== undefined) changes.iso3 = change.iso3;
    if (change.latitude !== undefined || change.longitude !== undefined) {
      const latitude = change.latitude ?? null;
      const longitude = change.longitude ?? null;
      if ((latitude === null) !== (longitude === null))
        throw invalid("Give both latitude and longitude, or neither.", [
          { field: "longitude", message: "missing" },
        ]);
      Object.assign(changes, {
        latitude,
        longitude,
        priogridGid: latitude === null || longitude === null ? null : priogridGid(latitude, longitude),
        locationSource: latitude === null ? "none" : "coordinates",
      });
    }
    if (change.clearance) {
      assertMayClassify(ctx.actor, change.clearance);
      changes.clearance = change.clearance;
    }
    await updateReport(tx.db, id, changes, ctx.now());
    if (change.note) {
      await insertNote(tx.db, {
        reportId: id,
        authorId: ctx.actor.userId,
        author: ctx.actor.email,
        body: change.note,
        at: ctx.now(),
      });
    }
    const pick = (view: Record<string, unknown>) =>
      Object.fromEntries(Object.keys(changes).map((key) => [key, view[key]]));
    await audit(tx, {
      action: "voices.triage",
      entityType: "voices_reports",
      entityId: id,
      before: pick(before),
      after: { ...changes, ...(change.note ? { note: true } : {}) },
    });
    return {
      report: await getReport(tx, id),
      newlyVerified: change.status === "verified" && before.status !== "verified",
    };
  });
};
