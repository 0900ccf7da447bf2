import { authorize, canSee } from "../../core/access/policies.ts";
import {
  dueEscalationLevel,
  type TEscalation,
  type TEscalationReport,
} from "../../core/alerts/alert.schemas.ts";
import { escalationLevels, noticeTime } from "../../core/alerts/alert-notices.ts";
import {
  appendAlertEvent,
  findAlert,
  listOverdueAlerts,
  updateAlert,
} from "../../repositories/alerts/alerts.repository.ts";
import { listOrgMembersWithRole } from "../../repositories/alerts/desks.repository.ts";
import { notify } from "../notifications/notify.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { alertAudience } from "./alert-audience.ts";
import { alertNotification } from "./alert-notification.ts";
import { deskFor } from "./desk-for.ts";

/**
 * Escalates every undecided alert past its deadline: to the desk's supervisor when the deadline passes,
 * to the owning organisation's administrators one decision period later. Runs on the clock it is given
 * (the server's job, `continuum alerts escalate`, tests); running it twice at the same time changes nothing.
 * Returns the escalations the caller may read (the server's job, acting for the platform, reads all) and how
 * many others there were.
 */
export const escalateOverdueAlerts = async (
  ctx: ServiceContext,
  { now }: { now: Date },
): Promise<TEscalationReport> => {
  if (ctx.via !== "system") authorize(ctx.actor, "alert.configure");
  const done: TEscalation[] = [];
  let unreadable = 0;
  const at = { ...ctx, now: () => now };
  for (const alert of await listOverdueAlerts(ctx.db, now)) {
    const target = dueEscalationLevel(alert, now);
    if (target <= alert.escalationLevel) continue;
    const escalation = await inTransaction(at, async (tx) => {
      const before = await findAlert(tx.db, alert.id);
      if (!before || before.escalationLevel >= target) return undefined;
      const desk = await deskFor(tx.db, before.iso3);
      const administrators = (await listOrgMembersWithRole(tx.db, before.ownerOrgId, "administrator")).map(
        (p) => p.id,
      );
      // Without a supervisor on the desk, the first level already reaches the administrators.
      const upward = target >= 2 || !desk.escalationUserId ? administrators : [desk.escalationUserId];
      const recipients = [
        ...new Set([before.ownerUserId, ...upward].filter((id): id is string => Boolean(id))),
      ];
      await updateAlert(tx.db, before.id, { escalationLevel: target, escalatedAt: now }, now);
      // The alert's history is kept in English, whoever reads it; the notification below is in the reader's language.
      const note = `Overdue since ${noticeTime(before.deadline)}: escalated to the ${escalationLevels[target]} (level ${target}).`;
      await appendAlertEvent(tx.db, {
        alertId: before.id,
        at: now,
        kind: "escalated",
        actorUserId: null,
        actor: tx.actorLabel,
        note,
        data: { fromLevel: before.escalationLevel, toLevel: target, recipients },
      });
      const audience = await alertAudience(tx.db, before);
      await notify(
        tx,
        recipients,
        alertNotification(before.id, {
          kind: "escalated",
          alert: before,
          level: target,
          owner: before.ownerName ?? before.ownerOrgName,
          status: before.status,
        }),
        audience,
      );
      await audit(tx, {
        action: "alert.escalate",
        entityType: "alerts",
        entityId: before.id,
        // The escalation belongs in the log of the organisation whose alert it is, whoever ran the job.
        orgId: before.ownerOrgId,
        before: { escalationLevel: before.escalationLevel },
        after: { escalationLevel: target, recipients },
      });
      // Every overdue alert escalates, but a person running this learns only of those they may read.
      if (tx.via !== "system" && !canSee(ctx.actor, audience)) return "unreadable";
      return {
        alertId: before.id,
        iso3: before.iso3,
        fromLevel: before.escalationLevel,
        toLevel: target,
        notified: recipients.length,
      };
    });
    if (escalation === "unreadable") unreadable += 1;
    else if (escalation) done.push(escalation);
  }
  return { escalations: done, unreadable };
};
