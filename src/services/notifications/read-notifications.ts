import {
  countUnread,
  markRead,
  type NotificationRecord,
  listNotifications as selectNotifications,
} from "../../repositories/notifications.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** A person's own notifications: nobody reads anyone else's. */
export const listNotifications = async (
  ctx: ServiceContext,
  filter: { unreadOnly?: boolean | undefined; limit?: number | undefined },
): Promise<{ unread: number; items: NotificationRecord[] }> => ({
  unread: await countUnread(ctx.db, ctx.actor.userId),
  items: await selectNotifications(ctx.db, ctx.actor.userId, {
    unreadOnly: filter.unreadOnly ?? false,
    limit: filter.limit ?? 100,
  }),
});

/** Marking as read changes only the reader's own view, so it is not audit-logged. */
export const markNotificationsRead = (ctx: ServiceContext, ids: readonly string[] | "all"): Promise<number> =>
  markRead(ctx.db, ctx.actor.userId, ids, ctx.now());
