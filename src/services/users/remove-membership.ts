import { assertAdministers, assertMayChangeMember } from "../../core/access/policies.ts";
import { conflict, notFound } from "../../core/shared/errors.ts";
import { deleteOrgSessions, revokeOrgApiTokens } from "../../repositories/credentials.repository.ts";
import { deleteMembership, findMembership, findUserById } from "../../repositories/users.repository.ts";
import { forgetUnreadableNotifications } from "../notifications/forget-unreadable.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

/**
 * Ends a person's membership of an organisation (they left it): their sessions and API tokens acting for it
 * end, and so do notifications about alerts they may no longer read. Their records stay.
 */
export const removeMembership = async (
  ctx: ServiceContext,
  input: { userId: string; orgId: string },
): Promise<void> => {
  assertAdministers(ctx.actor, input.orgId);
  if (input.userId === ctx.actor.userId && input.orgId === ctx.actor.orgId)
    throw conflict("You cannot remove yourself from the organisation you are acting for.", [
      { field: "userId", message: "your own membership" },
    ]);
  await inTransaction(ctx, async (tx) => {
    const user = await findUserById(tx.db, input.userId);
    const before = user && (await findMembership(tx.db, user.id, input.orgId));
    if (!user || !before) throw notFound("This person's membership of the organisation");
    assertAdministers(ctx.actor, input.orgId, user);
    assertMayChangeMember(ctx.actor, before);
    await deleteMembership(tx.db, user.id, input.orgId);
    await deleteOrgSessions(tx.db, user.id, input.orgId);
    await revokeOrgApiTokens(tx.db, user.id, input.orgId, tx.now());
    await forgetUnreadableNotifications(tx.db, user.id);
    await audit(tx, {
      action: "member.remove",
      entityType: "membership",
      entityId: `${user.id}:${input.orgId}`,
      before: { email: user.email, ...before },
      orgId: input.orgId,
    });
  });
};
