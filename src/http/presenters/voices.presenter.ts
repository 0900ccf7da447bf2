import type { Actor } from "../../core/access/actor.ts";
import type { TForm } from "../../core/voices/form.schemas.ts";
import { coarsenLocation, coarsenPoint, withheldSurgeFigures } from "../../core/voices/protection.ts";
import type {
  TReportCluster,
  TReportDetail,
  TReportPoint,
  TVoicesReport,
} from "../../core/voices/report.schemas.ts";
import { DEFAULT_SURGE_RULE } from "../../core/voices/surge.ts";
import type { FormRow } from "../../repositories/voices/forms.repository.ts";
import type { ReplyRow } from "../../repositories/voices/notes.repository.ts";
import type { ReportClusterRow, ReportPointRow } from "../../repositories/voices/reports.repository.ts";
import type { SurgeOutcome } from "../../services/voices/evaluate-surge.ts";
import type { ReportDetailView } from "../../services/voices/get-report.ts";
import type { GridSignal } from "../../services/voices/report-signals.ts";
import type { ReportView } from "../../services/voices/report-view.ts";
import { type TableColumn, type TableFile, tableFile } from "./tabular.presenter.ts";

/**
 * Staff of the receiving organisation see the report as stored (the identifying fields stay sealed; see
 * reveal). Anyone else it was shared with, or who reads a public report, sees its location coarsened to
 * the PRIO-GRID cell, no place text or district, and nothing of the triage (assignment, notes).
 */
export const presentReport = (report: ReportView, actor: Actor): TVoicesReport => {
  const own = report.ownerOrgId === actor.orgId;
  const location = own
    ? { latitude: report.latitude, longitude: report.longitude, priogridGid: report.priogridGid }
    : coarsenLocation(report.latitude, report.longitude);
  return {
    id: report.id,
    ownerOrgId: report.ownerOrgId,
    clearance: report.clearance,
    channel: report.channel,
    formId: own ? report.formId : null,
    category: report.category,
    factors: report.factors,
    description: report.description,
    summary: report.summary,
    redacted: report.redacted,
    language: report.language,
    date: report.date,
    iso3: report.iso3,
    place: own ? report.place : null,
    ...location,
    coarsened: !own && report.latitude !== null,
    adm1: report.adm1,
    adm2: own ? report.adm2 : null,
    locationSource: report.locationSource,
    status: report.status,
    duplicateOf: own ? report.duplicateOf : null,
    possibleDuplicateOf: own ? report.possibleDuplicateOf : null,
    duplicateScore: own ? report.duplicateScore : null,
    assignedTo: own ? report.assignedTo : null,
    hasContact: own ? report.hasContact : false,
    submittedAt: report.submittedAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
  };
};

/** A report as a map's point, located as `presentReport` locates it for the same reader. */
export const presentReportPoint = (point: ReportPointRow, actor: Actor): TReportPoint => {
  const own = point.ownerOrgId === actor.orgId;
  const { latitude, longitude } = own ? point : coarsenPoint(point.latitude, point.longitude);
  return {
    id: point.id,
    iso3: point.iso3,
    latitude,
    longitude,
    coarsened: !own,
    category: point.category,
    status: point.status,
    month: point.date.slice(0, 7),
  };
};

/** A map's cluster: its place is already coarsened in the database for reports outside the organisation. */
export const presentReportCluster = (cluster: ReportClusterRow): TReportCluster => ({
  latitude: cluster.latitude,
  longitude: cluster.longitude,
  count: cluster.count,
  iso3: cluster.iso3,
  coarsened: cluster.coarsened,
});

export const presentReply = (reply: ReplyRow) => ({
  id: reply.id,
  body: reply.body,
  channel: reply.channel,
  delivery: reply.delivery,
  at: reply.createdAt.toISOString(),
});

export const presentReportDetail = (report: ReportDetailView, actor: Actor): TReportDetail => {
  const own = report.ownerOrgId === actor.orgId;
  return {
    ...presentReport(report, actor),
    notes: own
      ? report.notes.map((n) => ({ id: n.id, author: n.author, body: n.body, at: n.createdAt.toISOString() }))
      : [],
    replies: own ? report.replies.map(presentReply) : [],
  };
};

/**
 * A surge finding as its reader sees it. The rule counts every organisation's verified reports, so a count or
 * baseline under `k` is withheld, as in the report signals: it would tell what another organisation holds.
 */
export const presentSurge = (surge: SurgeOutcome, k: number) =>
  withheldSurgeFigures(surge, DEFAULT_SURGE_RULE.baselineMonths, k);

export const presentForm = (form: FormRow): TForm => ({
  id: form.id,
  title: form.title,
  kind: form.kind,
  clearance: form.clearance,
  mapping: form.mapping,
  updatedAt: form.updatedAt.toISOString(),
});

const GRID_SIGNAL_COLUMNS: TableColumn<GridSignal>[] = [
  { name: "priogrid_gid", hxl: "#geo+priogrid", value: (r) => r.priogridGid },
  { name: "latitude", hxl: "#geo+lat", value: (r) => r.latitude },
  { name: "longitude", hxl: "#geo+lon", value: (r) => r.longitude },
  { name: "iso3", hxl: "#country+code", value: (r) => r.iso3 },
  { name: "month", hxl: "#date+month", value: (r) => r.month },
  { name: "category", hxl: "#event+category", value: (r) => r.category },
  { name: "count", hxl: "#report+num", value: (r) => r.count },
  { name: "suppressed", hxl: "#meta+suppressed", value: (r) => r.suppressed },
];

/** The grid-month-category export as CSV. */
export const gridSignalsFile = (rows: readonly GridSignal[]): TableFile =>
  tableFile("csv", "voices-grid-month", GRID_SIGNAL_COLUMNS, rows);
