import type { TAlert, TAlertDetail, TAlertRule, TDesk } from "../../core/alerts/alert.schemas.ts";
import { isoInstant } from "../../core/shared/instants.ts";
import type { DeskRecord } from "../../repositories/alerts/desks.repository.ts";
import type { AlertRuleRecord } from "../../repositories/alerts/rules.repository.ts";
import type { AlertDetailView, AlertView } from "../../services/alerts/alert-view.ts";

export const presentAlert = (alert: AlertView): TAlert => ({
  id: alert.id,
  iso3: alert.iso3,
  cause: alert.cause,
  severity: alert.severity,
  source: alert.source,
  summary: alert.summary,
  message: alert.message,
  details: alert.details,
  status: alert.status,
  clearance: alert.clearance,
  owner: {
    orgId: alert.ownerOrgId,
    orgName: alert.ownerOrgName,
    userId: alert.ownerUserId,
    name: alert.ownerName,
    email: alert.ownerEmail,
  },
  raisedAt: alert.raisedAt.toISOString(),
  deadline: alert.deadline.toISOString(),
  overdue: alert.overdue,
  escalationLevel: alert.escalationLevel,
  occurrences: alert.occurrences,
  lastSeenAt: alert.lastSeenAt.toISOString(),
  acknowledgedAt: isoInstant(alert.acknowledgedAt),
  assessedAt: isoInstant(alert.assessedAt),
  assessment: alert.assessment,
  decidedAt: isoInstant(alert.decidedAt),
  decision: alert.decision,
  actionAt: isoInstant(alert.actionAt),
  actionNote: alert.actionNote,
  closedAt: isoInstant(alert.closedAt),
  outcome: alert.outcome,
});

export const presentAlertDetail = (alert: AlertDetailView): TAlertDetail => ({
  ...presentAlert(alert),
  timeline: alert.timeline.map((event) => ({
    at: event.at.toISOString(),
    kind: event.kind,
    actor: event.actor,
    note: event.note,
    data: event.data ?? null,
  })),
});

export const presentAlertRule = (rule: AlertRuleRecord): TAlertRule => ({
  id: rule.id,
  name: rule.name,
  enabled: rule.enabled,
  severity: rule.severity,
  definition: rule.definition,
  updatedAt: rule.updatedAt.toISOString(),
});

const person = (id: string | null, name: string | null, email: string | null) =>
  id && name && email ? { id, name, email } : null;

export const presentDesk = (desk: DeskRecord): TDesk => ({
  iso3: desk.iso3,
  org: { id: desk.orgId, name: desk.orgName },
  person: person(desk.userId, desk.userName, desk.userEmail),
  escalationPerson: person(desk.escalationUserId, desk.escalationName, desk.escalationEmail),
});
