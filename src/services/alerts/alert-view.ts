import { isOverdue } from "../../core/alerts/alert.schemas.ts";
import type { AlertEventRecord, AlertRecord } from "../../repositories/alerts/alerts.repository.ts";

export type AlertView = AlertRecord & { overdue: boolean };
export type AlertDetailView = AlertView & { timeline: AlertEventRecord[] };

export const viewOf = (alert: AlertRecord, now: Date): AlertView => ({
  ...alert,
  overdue: isOverdue(alert, now),
});
