import { canSee, type ProtectedRecord } from "../../core/access/policies.ts";
import type { NotificationMessage } from "../../core/notifications/notification.schemas.ts";
import { insertNotifications } from "../../repositories/notifications.repository.ts";
import { listMemberships } from "../../repositories/users.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/**
 * Tells people something about a record in the app and queues the same message for e-mail, in the caller's
 * transaction: if the change is rolled back, nobody is told about it. The mail goes out from the outbox
 * afterwards. Only people who may read the record are told: the message quotes it.
 */
export const notify = async (
  ctx: ServiceContext,
  userIds: readonly (string | null | undefined)[],
  message: NotificationMessage,
  about: ProtectedRecord,
): Promise<void> => {
  const candidates = userIds.filter((id): id is string => Boolean(id));
  const memberships = await listMemberships(ctx.db, candidates);
  const readers = candidates.filter((id) => memberships.get(id)?.some((m) => canSee(m, about)));
  await insertNotifications(ctx.db, readers, message, ctx.now());
};
