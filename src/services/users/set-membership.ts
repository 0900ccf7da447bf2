import { assertAdministers, assertMayChangeMember, assertMayGrant } from "../../core/access/policies.ts";
import type { Clearance, Role } from "../../core/access/vocabulary.ts";
import { conflict, notFound } from "../../core/shared/errors.ts";
import {
  countMembers,
  findMembership,
  findUserById,
  upsertMembership,
} from "../../repositories/users.repository.ts";
import { forgetUnreadableNotifications } from "../notifications/forget-unreadable.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { type PersonView, withMemberships } from "./user-view.ts";

export const setMembership = async (
  ctx: ServiceContext,
  input: { userId: string; orgId: string; role: Role; clearance?: Clearance | undefined },
): Promise<PersonView> => {
  assertAdministers(ctx.actor, input.orgId);
  return inTransaction(ctx, async (tx) => {
    const user = await findUserById(tx.db, input.userId);
    const before = user && (await findMembership(tx.db, user.id, input.orgId));
    if (!user || !before) throw notFound("This person's membership of the organisation");
    assertAdministers(ctx.actor, input.orgId, user);
    assertMayChangeMember(ctx.actor, before);
    const after = { role: input.role, clearance: input.clearance ?? before.clearance };
    if (input.clearance && input.clearance !== before.clearance) assertMayGrant(ctx.actor, input.clearance);
    await upsertMembership(tx.db, { userId: user.id, orgId: input.orgId, ...after });
    // An administrator stepping down leaves a successor: only a platform administrator could repair it.
    if (!ctx.actor.platformAdmin && (await countMembers(tx.db, input.orgId, ["administrator"])) === 0)
      throw conflict("The organisation would have no administrator left: name another one first.", [
        { field: "role", message: "the organisation's last administrator", value: input.role },
      ]);
    await forgetUnreadableNotifications(tx.db, user.id);
    await audit(tx, {
      action: "member.set_role",
      entityType: "membership",
      entityId: `${user.id}:${input.orgId}`,
      before,
      after,
      orgId: input.orgId,
    });
    const [view] = await withMemberships(tx.db, [user]);
    if (!view) throw notFound("User");
    return view;
  });
};
