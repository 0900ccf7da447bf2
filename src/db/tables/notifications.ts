import type { Generated } from "kysely";

// Notifications (migration 0004): in-app messages that double as the e-mail outbox.

type NotificationsTable = {
  id: Generated<string>;
  user_id: string;
  kind: string;
  subject: string;
  body: Generated<string>;
  link: string | null;
  alert_id: string | null;
  created_at: Date;
  read_at: Date | null;
  email_status: Generated<string>;
  email_attempts: Generated<number>;
  email_error: string | null;
  emailed_at: Date | null;
};

export type NotificationTables = { notifications: NotificationsTable };
