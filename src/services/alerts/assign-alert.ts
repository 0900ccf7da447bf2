import { assertWorksOn, canSee, roleMay } from "../../core/access/policies.ts";
import { type TAssignAlert, ZAssignAlert } from "../../core/alerts/alert.schemas.ts";
import { invalid, notFound } from "../../core/shared/errors.ts";
import type { AlertRecord } from "../../repositories/alerts/alerts.repository.ts";
import { appendAlertEvent, findAlert, updateAlert } from "../../repositories/alerts/alerts.repository.ts";
import { findMembership, findUserById } from "../../repositories/users.repository.ts";
import { notify } from "../notifications/notify.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { listColleagues } from "../users/list-colleagues.ts";
import { alertAudience } from "./alert-audience.ts";
import { alertNotification } from "./alert-notification.ts";
import { type AlertView, viewOf } from "./alert-view.ts";

/** Routing an alert is the desk's decision: its organisation's people who may decide alerts. */
const assertRoutes = (ctx: ServiceContext, alert: AlertRecord): void =>
  assertWorksOn(
    ctx.actor,
    alert.ownerOrgId,
    "alert.decide",
    `Only the owning desk (${alert.ownerOrgName}) may hand this alert on.`,
  );

/** The owning organisation's people who could then decide the alert: those it may be handed to. */
export const listAssignees = async (ctx: ServiceContext, id: string) => {
  const alert = await findAlert(ctx.db, id, ctx.actor);
  if (!alert) throw notFound("Alert");
  assertRoutes(ctx, alert);
  return listColleagues(ctx.db, alert.ownerOrgId, "alert.decide", await alertAudience(ctx.db, alert));
};

/** Hands an alert to another person of the owning organisation, on its timeline, and tells them. */
export const assignAlert = async (ctx: ServiceContext, id: string, raw: TAssignAlert): Promise<AlertView> => {
  const input = ZAssignAlert.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await findAlert(tx.db, id, ctx.actor);
    if (!before) throw notFound("Alert");
    assertRoutes(ctx, before);
    const person = await findUserById(tx.db, input.userId);
    const membership = person && (await findMembership(tx.db, person.id, before.ownerOrgId));
    if (!person || !membership || !roleMay(membership.role, "alert.decide"))
      throw invalid("That person cannot decide alerts for the owning organisation.", [
        { field: "userId", message: `not a desk officer or administrator of ${before.ownerOrgName}` },
      ]);
    const audience = await alertAudience(tx.db, before);
    if (!canSee({ orgId: before.ownerOrgId, clearance: membership.clearance }, audience))
      throw invalid("That person is not cleared to read this alert.", [
        {
          field: "userId",
          message: `clearance ${membership.clearance} is below the alert's ${before.clearance}`,
        },
      ]);
    const now = ctx.now();
    await updateAlert(tx.db, id, { ownerUserId: person.id }, now);
    await appendAlertEvent(tx.db, {
      alertId: id,
      at: now,
      kind: "assigned",
      actorUserId: ctx.actor.userId,
      actor: ctx.actorLabel,
      note: input.note ? `${person.name}: ${input.note}` : person.name,
      data: { from: before.ownerUserId, to: person.id },
    });
    await notify(
      tx,
      [person.id],
      alertNotification(id, { kind: "assigned", alert: before, by: ctx.actorLabel, note: input.note ?? "" }),
      audience,
    );
    const after = await findAlert(tx.db, id);
    if (!after) throw notFound("Alert");
    await audit(tx, { action: "alert.assign", entityType: "alerts", entityId: id, before, after });
    return viewOf(after, now);
  });
};
