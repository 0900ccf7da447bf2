import type { NotificationMessage } from "../../core/notifications/notification.schemas.ts";
import { insertNotifications } from "../../repositories/notifications.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/**
 * Tells people something in the app and queues the same message for e-mail, in the caller's transaction:
 * if the change is rolled back, nobody is told about it. The mail goes out from the outbox afterwards.
 */
export const notify = (
  ctx: ServiceContext,
  userIds: readonly (string | null | undefined)[],
  message: NotificationMessage,
): Promise<void> =>
  insertNotifications(
    ctx.db,
    userIds.filter((id): id is string => Boolean(id)),
    message,
    ctx.now(),
  );
