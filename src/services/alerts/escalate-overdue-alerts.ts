import { authorize, canSee, type ProtectedRecord } from "../../core/access/policies.ts";
import {
  dueEscalationLevel,
  type EscalationReach,
  type TEscalation,
  type TEscalationReport,
} from "../../core/alerts/alert.schemas.ts";
import { escalationNote } from "../../core/alerts/alert-notices.ts";
import {
  type AlertRecord,
  appendAlertEvent,
  findAlert,
  listOverdueAlerts,
  updateAlert,
} from "../../repositories/alerts/alerts.repository.ts";
import { listOrgMembersWithRole } from "../../repositories/alerts/desks.repository.ts";
import { notify, readersOf } from "../notifications/notify.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { alertAudience } from "./alert-audience.ts";
import { alertNotification } from "./alert-notification.ts";
import { deskFor } from "./desk-for.ts";

/**
 * Who an escalation to `target` tells besides the owner, counting only people who may read the alert. The
 * supervisor hears of it when it first passes level 1, even if it jumps to level 2 at once (no job ran
 * between); the administrators at level 2, or already at level 1 when no supervisor can be told.
 */
const whomToTell = async (
  tx: ServiceContext,
  alert: AlertRecord,
  target: number,
  audience: ProtectedRecord,
): Promise<{ reached: EscalationReach; above: string[] }> => {
  const desk = await deskFor(tx.db, alert.iso3);
  // The owner is told anyway: a supervisor who owns the alert is no one above them.
  const tellable = async (ids: readonly (string | null)[]) =>
    (await readersOf(tx, ids, audience)).filter((id) => id !== alert.ownerUserId);
  const supervisor = await tellable([desk.escalationUserId]);
  const toSupervisor = alert.escalationLevel < 1 ? supervisor : [];
  const toAdministrators =
    target >= 2 || supervisor.length === 0
      ? await tellable(
          (await listOrgMembersWithRole(tx.db, alert.ownerOrgId, "administrator")).map((p) => p.id),
        )
      : [];
  const reached: EscalationReach =
    toSupervisor.length > 0
      ? toAdministrators.length > 0
        ? "supervisor_and_administrators"
        : "supervisor"
      : toAdministrators.length > 0
        ? "administrators"
        : "nobody";
  return { reached, above: [...toSupervisor, ...toAdministrators] };
};

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
      const audience = await alertAudience(tx.db, before);
      const { reached, above } = await whomToTell(tx, before, target, audience);
      const recipients = [
        ...new Set([before.ownerUserId, ...above].filter((id): id is string => Boolean(id))),
      ];
      await updateAlert(tx.db, before.id, { escalationLevel: target, escalatedAt: now }, now);
      // The alert's history is kept in English, whoever reads it; the web app and the notification below word
      // it from the data in the reader's language.
      const note = escalationNote(before.deadline, target, reached);
      await appendAlertEvent(tx.db, {
        alertId: before.id,
        at: now,
        kind: "escalated",
        actorUserId: null,
        actor: tx.actorLabel,
        note,
        data: {
          fromLevel: before.escalationLevel,
          toLevel: target,
          reached,
          deadline: before.deadline.toISOString(),
          recipients,
        },
      });
      await notify(
        tx,
        recipients,
        alertNotification(before.id, {
          kind: "escalated",
          alert: before,
          level: target,
          reached,
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
