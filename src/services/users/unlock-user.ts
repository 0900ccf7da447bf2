import { assertAdministers, assertMayChangeMember } from "../../core/access/policies.ts";
import { notFound } from "../../core/shared/errors.ts";
import { findMembership, findUserById, recordSignInState } from "../../repositories/users.repository.ts";
import { inTransaction, type ServiceContext } from "../shared/context.ts";
import { auditPersonChange } from "./audit-person.ts";
import { type PersonView, withMemberships } from "./user-view.ts";

/**
 * Lifts a lock-out before its 15 minutes are up, for a member of the administrator's organisation. As with a
 * membership, not a platform administrator's or one cleared above the administrator: each unlock buys five more
 * guesses at that password, which would open what the administrator may not read.
 */
export const unlockUser = async (ctx: ServiceContext, userId: string): Promise<PersonView> => {
  assertAdministers(ctx.actor, ctx.actor.orgId);
  return inTransaction(ctx, async (tx) => {
    const user = await findUserById(tx.db, userId);
    const member =
      ctx.actor.platformAdmin || (user && (await findMembership(tx.db, user.id, ctx.actor.orgId)));
    if (!user || !member) throw notFound("This person's membership of the organisation");
    assertAdministers(ctx.actor, ctx.actor.orgId, user);
    if (member !== true) assertMayChangeMember(ctx.actor, member);
    await recordSignInState(tx.db, user.id, { failedSignIns: 0, lockedUntil: null });
    await auditPersonChange(tx, { action: "user.unlock", userId: user.id, after: { email: user.email } });
    const [view] = await withMemberships(tx.db, [{ ...user, failedSignIns: 0, lockedUntil: null }]);
    if (!view) throw notFound("User");
    return view;
  });
};
