import { type TAlertQuery, ZAlertQuery } from "../../core/alerts/alert.schemas.ts";
import { notFound } from "../../core/shared/errors.ts";
import {
  findAlert,
  listAlertEvents,
  listAlerts as selectAlerts,
} from "../../repositories/alerts/alerts.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { type AlertDetailView, type AlertView, viewOf } from "./alert-view.ts";

/**
 * Alerts are read under clearance, like analyses: public ones by every signed-in person, others by the
 * owning desk's organisation and those it is shared with (the raiser's organisation among them). The inbox scopes: mine (I own
 * it), desk (my organisation owns it), overdue (undecided past the deadline, anywhere I can act or see).
 */
export const listAlerts = async (ctx: ServiceContext, raw: TAlertQuery): Promise<AlertView[]> => {
  const query = ZAlertQuery.parse(raw);
  const now = ctx.now();
  const rows = await selectAlerts(ctx.db, {
    reader: ctx.actor,
    ...(query.scope === "mine" ? { ownerUserId: ctx.actor.userId } : {}),
    ...(query.scope === "desk" ? { ownerOrgId: ctx.actor.orgId } : {}),
    ...(query.scope === "overdue" ? { overdueAt: now } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.iso3 ? { iso3: query.iso3 } : {}),
    limit: query.limit,
  });
  return rows.map((row) => viewOf(row, now));
};

export const getAlert = async (ctx: ServiceContext, id: string): Promise<AlertDetailView> => {
  const alert = await findAlert(ctx.db, id, ctx.actor);
  if (!alert) throw notFound("Alert");
  return { ...viewOf(alert, ctx.now()), timeline: await listAlertEvents(ctx.db, id) };
};
