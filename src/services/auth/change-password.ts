import { DomainError, invalid } from "../../core/shared/errors.ts";
import { lockoutPolicy } from "../../core/users/lockout.ts";
import { passwordWeakness } from "../../core/users/password-rules.ts";
import { deleteUserSessions } from "../../repositories/credentials.repository.ts";
import {
  claimPasswordAttempt,
  findUserById,
  recordSignInState,
  setPasswordHash,
} from "../../repositories/users.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { hashPassword, verifyPassword } from "./secrets.ts";
import { recordWrongPassword } from "./wrong-password.ts";

/**
 * Changing the password ends the user's other sessions: a stolen session does not survive it. A wrong current
 * password counts toward the lock as at sign-in. The person chose this password themselves, so a password set
 * by an administrator no longer has to be replaced.
 */
export const changePassword = async (
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
  currentSessionHash: string | null,
): Promise<void> => {
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new Error("signed-in user vanished");
  const weakness = passwordWeakness(input.newPassword, user.email);
  if (weakness) throw invalid(`The new password ${weakness}.`, [{ field: "newPassword", message: weakness }]);
  const attempt = await claimPasswordAttempt(ctx.db, user.id, ctx.now(), lockoutPolicy.maxFailures);
  if (attempt === null)
    throw new DomainError(
      "rate_limited",
      `After ${lockoutPolicy.maxFailures} wrong passwords the account is locked for ${lockoutPolicy.lockMinutes} minutes; try again then.`,
    );
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordWrongPassword(ctx.db, user, {
      number: attempt,
      action: "user.change_password_refused",
      actor: ctx.actorLabel,
      actorUserId: ctx.actor.userId,
      via: ctx.via,
      now: ctx.now(),
    });
    throw new DomainError("validation_failed", "The current password is wrong.", [
      { field: "currentPassword", message: "does not match" },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await setPasswordHash(tx.db, user.id, { hash: passwordHash, mustChange: false });
    // The right current password was typed: earlier wrong ones no longer count toward a lock.
    await recordSignInState(tx.db, user.id, { failedSignIns: 0, lockedUntil: null });
    await deleteUserSessions(tx.db, user.id, currentSessionHash ?? undefined);
    // A forced change says so: the log then shows when a password known to an administrator stopped working.
    const forced = user.mustChangePassword ? { before: { mustChangePassword: true } } : {};
    await audit(tx, { action: "user.change_password", entityType: "user", entityId: user.id, ...forced });
  });
};
