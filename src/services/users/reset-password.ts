import { assertPlatformAdministrator } from "../../core/access/policies.ts";
import { invalid, notFound } from "../../core/shared/errors.ts";
import { passwordWeakness } from "../../core/users/password-rules.ts";
import { ZPassword } from "../../core/users/user.schemas.ts";
import { deleteUserSessions } from "../../repositories/credentials.repository.ts";
import { findUserByEmail, recordSignInState, setPasswordHash } from "../../repositories/users.repository.ts";
import { hashPassword } from "../auth/secrets.ts";
import { inTransaction, type ServiceContext } from "../shared/context.ts";
import { auditPersonChange } from "./audit-person.ts";

/**
 * Gives a person who lost their password a new one: their sessions end and any lock-out is lifted, and they
 * must choose their own at their next sign-in, as the new one is known to whoever set it. For
 * platform administrators (the operator at the server's command line acts as one), so a lost password of
 * the first administrator is not the end of the instance.
 */
export const resetPassword = async (
  ctx: ServiceContext,
  input: { email: string; newPassword: string },
): Promise<{ email: string }> => {
  assertPlatformAdministrator(ctx.actor);
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user) throw notFound(`User ${input.email}`);
  const tooShort = ZPassword.safeParse(input.newPassword).error?.issues[0]?.message;
  const weakness = tooShort ?? passwordWeakness(input.newPassword, user.email);
  if (weakness) throw invalid(`The new password: ${weakness}.`, [{ field: "password", message: weakness }]);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await setPasswordHash(tx.db, user.id, { hash: passwordHash, mustChange: true });
    await recordSignInState(tx.db, user.id, { failedSignIns: 0, lockedUntil: null });
    await deleteUserSessions(tx.db, user.id);
    await auditPersonChange(tx, {
      action: "user.reset_password",
      userId: user.id,
      after: { mustChangePassword: true },
    });
  });
  return { email: user.email };
};
