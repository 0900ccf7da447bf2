import type { z } from "zod";
import { assertWorksOn } from "../../core/access/policies.ts";
import { type AlertStep, stepGrants, transitions, ZAlertStepInput } from "../../core/alerts/alert.schemas.ts";
import { conflict, notFound } from "../../core/shared/errors.ts";
import {
  type AlertChanges,
  appendAlertEvent,
  findAlert,
  updateAlert,
} from "../../repositories/alerts/alerts.repository.ts";
import { notify } from "../notifications/notify.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { alertAudience } from "./alert-audience.ts";
import { alertNotification } from "./alert-notification.ts";
import { type AlertView, viewOf } from "./alert-view.ts";

type StepInput<S extends AlertStep> = z.input<(typeof ZAlertStepInput)[S]>;

/** Analysts may record the assessment; the decision and everything after it belong to the desk. */

/**
 * Moves an alert one step along new → acknowledged → assessed → decision recorded → action under way →
 * closed. Only the owning desk's organisation acts on an alert; every step lands on its timeline with
 * who took it, and in the audit log.
 */
export const advanceAlert = async <S extends AlertStep>(
  ctx: ServiceContext,
  id: string,
  step: S,
  raw: StepInput<S>,
): Promise<AlertView> => {
  const input = ZAlertStepInput[step].parse(raw);
  return inTransaction(ctx, async (tx) => {
    // An alert the person may not see is not found, as when they read it.
    const before = await findAlert(tx.db, id, ctx.actor);
    if (!before) throw notFound("Alert");
    assertWorksOn(
      ctx.actor,
      before.ownerOrgId,
      stepGrants[step],
      `Only the owning desk (${before.ownerOrgName}) may ${step} this alert.`,
    );
    const rule = transitions[step];
    if (!(rule.from as readonly string[]).includes(before.status))
      throw conflict(`An alert that is ${before.status} cannot be moved by "${step}".`, [
        { field: "status", message: `expected one of ${rule.from.join(", ")}`, value: before.status },
      ]);
    const now = ctx.now();
    const changes: AlertChanges = { status: rule.to };
    let note = "";
    if (step === "acknowledge") {
      changes.acknowledgedAt = now;
      note = (input as { note: string }).note;
    } else if (step === "assess") {
      const { assessment } = input as { assessment: string };
      changes.assessedAt = now;
      changes.assessment = assessment;
      if (!before.acknowledgedAt) changes.acknowledgedAt = now;
      note = assessment;
    } else if (step === "decide") {
      const decision = input as { options: string[]; decision: string; rationale: string };
      changes.decidedAt = now;
      changes.decision = { ...decision, decidedBy: ctx.actorLabel };
      note = decision.decision;
    } else if (step === "act") {
      changes.actionAt = now;
      changes.actionNote = (input as { note: string }).note;
      note = changes.actionNote;
    } else {
      changes.closedAt = now;
      changes.outcome = (input as { outcome: string }).outcome;
      note = changes.outcome;
    }
    await updateAlert(tx.db, id, changes, now);
    await appendAlertEvent(tx.db, {
      alertId: id,
      at: now,
      kind: rule.to,
      actorUserId: ctx.actor.userId,
      actor: ctx.actorLabel,
      note,
      data: step === "decide" ? changes.decision : undefined,
    });
    // The owner hears of every step someone else takes; the person who raised the alert, of its decision and end.
    const told = new Set([
      before.ownerUserId,
      ...(step === "decide" || step === "close" ? [before.raisedBy] : []),
    ]);
    told.delete(ctx.actor.userId);
    const recipients = [...told].filter((userId) => userId !== null);
    if (recipients.length)
      await notify(
        tx,
        recipients,
        alertNotification(id, { kind: "moved", alert: before, by: ctx.actorLabel, status: rule.to, note }),
        await alertAudience(tx.db, before),
      );
    const after = await findAlert(tx.db, id);
    if (!after) throw notFound("Alert");
    await audit(tx, { action: `alert.${step}`, entityType: "alerts", entityId: id, before, after });
    return viewOf(after, now);
  });
};
