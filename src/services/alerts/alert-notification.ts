import { noticeLanguage } from "../../core/alerts/alert-messages.ts";
import { type AlertNotice, writeAlertNotice } from "../../core/alerts/alert-notices.ts";
import type { NotificationDraft } from "../../core/notifications/notification.schemas.ts";

/** A notification about an alert, linking to it, worded for each reader. */
export const alertNotification = (alertId: string, notice: AlertNotice): NotificationDraft => ({
  kind: `alert.${notice.kind === "moved" ? notice.status : notice.kind}`,
  link: `/alerts/${alertId}`,
  alertId,
  write: (language) => writeAlertNotice(notice, noticeLanguage(language)),
});
