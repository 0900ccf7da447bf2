import type { Channel } from "../../core/access/actor.ts";
import { lockAfterWrong } from "../../core/users/lockout.ts";
import type { Db } from "../../db/types.ts";
import { appendAudit } from "../../repositories/audit-log.repository.ts";
import { listMemberships, recordSignInState, type UserRecord } from "../../repositories/users.repository.ts";

/**
 * One wrong password, typed to sign in or to change it (its attempt claimed by `claimPasswordAttempt`): both
 * count toward the lock, so that neither a stolen session nor a token makes the password guessable. Each of
 * the person's organisations sees the attempt and the lock in its own log. `actor` is who typed it, as far as
 * is known.
 */
export const recordWrongPassword = async (
  db: Db,
  user: UserRecord,
  attempt: {
    number: number;
    action: string;
    actor: string;
    actorUserId: string | null;
    via: Channel;
    now: Date;
  },
): Promise<void> => {
  const lockedUntil = lockAfterWrong(attempt.number, attempt.now);
  if (lockedUntil) await recordSignInState(db, user.id, { failedSignIns: 0, lockedUntil });
  const memberships = (await listMemberships(db, [user.id])).get(user.id) ?? [];
  const orgIds = memberships.length ? memberships.map((m) => m.orgId) : [null];
  for (const orgId of orgIds) {
    const entry = {
      actorUserId: attempt.actorUserId,
      orgId,
      via: attempt.via,
      entityType: "user",
      entityId: user.id,
    };
    await appendAudit(db, { ...entry, actor: attempt.actor, action: attempt.action });
    if (lockedUntil)
      await appendAudit(db, {
        ...entry,
        actor: "system",
        action: "user.locked",
        after: { lockedUntil: lockedUntil.toISOString() },
      });
  }
};
