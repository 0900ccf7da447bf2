import type { TNotification } from "../../core/notifications/notification.schemas.ts";
import type { NotificationRecord } from "../../repositories/notifications.repository.ts";

export const presentNotification = (notification: NotificationRecord): TNotification => ({
  id: notification.id,
  kind: notification.kind,
  subject: notification.subject,
  body: notification.body,
  link: notification.link,
  alertId: notification.alertId,
  createdAt: notification.createdAt.toISOString(),
  readAt: notification.readAt ? notification.readAt.toISOString() : null,
  emailStatus: notification.emailStatus,
});
