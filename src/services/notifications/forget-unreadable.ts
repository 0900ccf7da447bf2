import { canSee } from "../../core/access/policies.ts";
import type { Db } from "../../db/types.ts";
import { findAlert } from "../../repositories/alerts/alerts.repository.ts";
import { deleteNotifications, listAlertNotifications } from "../../repositories/notifications.repository.ts";
import { listMemberships } from "../../repositories/users.repository.ts";
import { alertAudience } from "../alerts/alert-audience.ts";

/**
 * Deletes the notifications (and their unsent e-mails) a person may no longer read, after they left an
 * organisation or lost clearance: each quotes an alert.
 */
export const forgetUnreadableNotifications = async (db: Db, userId: string): Promise<void> => {
  const notified = await listAlertNotifications(db, userId);
  const memberships = (await listMemberships(db, [userId])).get(userId) ?? [];
  const readable = new Map<string, boolean>();
  for (const alertId of new Set(notified.map((n) => n.alertId))) {
    const alert = alertId ? await findAlert(db, alertId) : undefined;
    const audience = alert && (await alertAudience(db, alert));
    readable.set(alertId ?? "", Boolean(audience && memberships.some((m) => canSee(m, audience))));
  }
  await deleteNotifications(
    db,
    userId,
    notified.filter((n) => !readable.get(n.alertId ?? "")).map((n) => n.id),
  );
};
