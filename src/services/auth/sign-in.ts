import { DomainError } from "../../core/shared/errors.ts";
import { lockoutPolicy } from "../../core/users/lockout.ts";
import type { Db } from "../../db/types.ts";
import { appendAudit } from "../../repositories/audit-log.repository.ts";
import { insertSession } from "../../repositories/credentials.repository.ts";
import {
  claimPasswordAttempt,
  findUserByEmail,
  listMemberships,
  recordSignInState,
} from "../../repositories/users.repository.ts";
import { inTransaction } from "../shared/context.ts";
import { digest, hashPassword, newSecret, verifyPassword } from "./secrets.ts";
import { recordWrongPassword } from "./wrong-password.ts";

export const SESSION_HOURS = 12;

type SignInResult = {
  sessionToken: string;
  csrfToken: string;
  userId: string;
  orgId: string;
  expiresAt: Date;
};

// One answer for an unknown email, a wrong password and a locked account, so that nobody learns from it
// which accounts exist; it says what the lock is, for the person who mistyped.
const wrongCredentials = () =>
  new DomainError(
    "unauthenticated",
    "Wrong email or password. After five wrong passwords an account is locked for 15 minutes.",
  );

// Verifying against a fixed hash where no real check happens keeps response times from revealing accounts.
let decoyHash: Promise<string> | undefined;
const refuseAfterDecoy = async (password: string): Promise<never> => {
  decoyHash ??= hashPassword("decoy-password-for-timing");
  await verifyPassword(password, await decoyHash);
  throw wrongCredentials();
};

export const signIn = async (db: Db, email: string, password: string, now: Date): Promise<SignInResult> => {
  const user = await findUserByEmail(db, email);
  if (!user) return refuseAfterDecoy(password);
  // A locked account is not checked at all: a right password must not be confirmed while it is locked.
  const attempt = await claimPasswordAttempt(db, user.id, now, lockoutPolicy.maxFailures);
  if (attempt === null) return refuseAfterDecoy(password);
  if (!(await verifyPassword(password, user.passwordHash))) {
    // Whoever typed it is unknown: the account is the entry's subject, not its actor.
    await recordWrongPassword(db, user, {
      number: attempt,
      action: "auth.sign_in_refused",
      actor: `sign-in as ${user.email}`,
      actorUserId: null,
      via: "api",
      now,
    });
    throw wrongCredentials();
  }
  const orgId = (await listMemberships(db, [user.id])).get(user.id)?.[0]?.orgId;
  if (!orgId) throw new DomainError("forbidden", "This account belongs to no organisation yet.");

  const sessionToken = newSecret("cts");
  const csrfToken = newSecret("csrf");
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await inTransaction({ db }, async ({ db: trx }) => {
    await recordSignInState(trx, user.id, { failedSignIns: 0, lockedUntil: null });
    await insertSession(trx, digest(sessionToken), { userId: user.id, orgId, csrfToken, expiresAt });
    await appendAudit(trx, {
      actor: user.email,
      actorUserId: user.id,
      orgId,
      via: "api",
      action: "auth.sign_in",
      entityType: "session",
      entityId: null,
    });
  });
  return { sessionToken, csrfToken, userId: user.id, orgId, expiresAt };
};
