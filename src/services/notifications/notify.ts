import { canSee, type ProtectedRecord } from "../../core/access/policies.ts";
import type { NotificationDraft } from "../../core/notifications/notification.schemas.ts";
import { insertNotifications } from "../../repositories/notifications.repository.ts";
import { findUserLanguages, listMemberships } from "../../repositories/users.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** Those of the people named who may read the record (a message quoting it goes to them only). */
export const readersOf = async (
  ctx: ServiceContext,
  userIds: readonly (string | null | undefined)[],
  about: ProtectedRecord,
): Promise<string[]> => {
  const candidates = userIds.filter((id): id is string => Boolean(id));
  const memberships = await listMemberships(ctx.db, candidates);
  return candidates.filter((id) => memberships.get(id)?.some((m) => canSee(m, about)));
};

/**
 * Tells people something about a record in the app and queues the same message for e-mail, in the caller's
 * transaction: if the change is rolled back, nobody is told about it. The mail goes out from the outbox
 * afterwards. Only people who may read the record are told: the message quotes it. Each reads it in the
 * language they last used the app in.
 */
export const notify = async (
  ctx: ServiceContext,
  userIds: readonly (string | null | undefined)[],
  draft: NotificationDraft,
  about: ProtectedRecord,
): Promise<void> => {
  const readers = await readersOf(ctx, userIds, about);
  const languages = await findUserLanguages(ctx.db, readers);
  const byLanguage = Map.groupBy(readers, (id) => languages.get(id) ?? "en");
  const { write, ...message } = draft;
  for (const [language, people] of byLanguage)
    await insertNotifications(ctx.db, people, { ...message, ...write(language) }, ctx.now());
};
