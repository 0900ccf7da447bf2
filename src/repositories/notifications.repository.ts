import type { NotificationMessage } from "../core/notifications/notification.schemas.ts";
import type { Db } from "../db/types.ts";

export type NotificationRecord = NotificationMessage & {
  id: string;
  createdAt: Date;
  readAt: Date | null;
  emailStatus: "pending" | "sent" | "failed";
};

const columns = [
  "id",
  "kind",
  "subject",
  "body",
  "link",
  "alert_id as alertId",
  "created_at as createdAt",
  "read_at as readAt",
  "email_status as emailStatus",
] as const;

// email_status is constrained by the table's CHECK to these three values.
const typed = (
  row: Omit<NotificationRecord, "emailStatus"> & { emailStatus: string },
): NotificationRecord => ({
  ...row,
  emailStatus: row.emailStatus as NotificationRecord["emailStatus"],
});

export const insertNotifications = async (
  db: Db,
  userIds: readonly string[],
  message: NotificationMessage,
  now: Date,
): Promise<void> => {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db
    .insertInto("notifications")
    .values(
      unique.map((userId) => ({
        user_id: userId,
        kind: message.kind,
        subject: message.subject,
        body: message.body,
        link: message.link,
        alert_id: message.alertId,
        created_at: now,
      })),
    )
    .execute();
};

export const listNotifications = async (
  db: Db,
  userId: string,
  filter: { unreadOnly: boolean; limit: number },
): Promise<NotificationRecord[]> => {
  let query = db.selectFrom("notifications").select(columns).where("user_id", "=", userId);
  if (filter.unreadOnly) query = query.where("read_at", "is", null);
  return (await query.orderBy("created_at", "desc").limit(filter.limit).execute()).map(typed);
};

/** A person's notifications that quote an alert, to check them against what the person may still read. */
export const listAlertNotifications = (db: Db, userId: string) =>
  db
    .selectFrom("notifications")
    .select(["id", "alert_id as alertId"])
    .where("user_id", "=", userId)
    .where("alert_id", "is not", null)
    .execute();

export const deleteNotifications = async (db: Db, userId: string, ids: readonly string[]): Promise<void> => {
  if (ids.length === 0) return;
  await db.deleteFrom("notifications").where("user_id", "=", userId).where("id", "in", ids).execute();
};

export const countUnread = async (db: Db, userId: string): Promise<number> => {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
};

export const markRead = async (db: Db, userId: string, ids: readonly string[] | "all", now: Date) => {
  let query = db
    .updateTable("notifications")
    .set({ read_at: now })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (ids !== "all") {
    if (ids.length === 0) return 0;
    query = query.where("id", "in", ids);
  }
  return Number((await query.executeTakeFirst()).numUpdatedRows);
};

type OutgoingMail = {
  id: string;
  to: string;
  name: string;
  subject: string;
  body: string;
  link: string | null;
  attempts: number;
};

/** Pending e-mails, oldest first, with the recipient's address. */
export const listOutbox = (db: Db, limit: number, maxAttempts: number): Promise<OutgoingMail[]> =>
  db
    .selectFrom("notifications as n")
    .innerJoin("users as u", "u.id", "n.user_id")
    .select([
      "n.id",
      "u.email as to",
      "u.name",
      "n.subject",
      "n.body",
      "n.link",
      "n.email_attempts as attempts",
    ])
    .where("n.email_status", "=", "pending")
    .where("n.email_attempts", "<", maxAttempts)
    .orderBy("n.created_at")
    .limit(limit)
    .execute();

export const recordDelivery = async (
  db: Db,
  id: string,
  outcome: { ok: true; at: Date } | { ok: false; error: string; final: boolean },
): Promise<void> => {
  await db
    .updateTable("notifications")
    .set((eb) =>
      outcome.ok
        ? {
            email_status: "sent",
            emailed_at: outcome.at,
            email_attempts: eb("email_attempts", "+", 1),
            email_error: null,
          }
        : {
            email_status: outcome.final ? "failed" : "pending",
            email_error: outcome.error.slice(0, 1000),
            email_attempts: eb("email_attempts", "+", 1),
          },
    )
    .where("id", "=", id)
    .execute();
};
