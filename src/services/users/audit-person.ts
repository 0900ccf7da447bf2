import { listMemberships } from "../../repositories/users.repository.ts";
import { audit, type ServiceContext } from "../shared/context.ts";

type PersonChange = { action: string; userId: string; before?: unknown; after?: unknown };

/**
 * A change to a person's account (a lock lifted, a password reset, platform rights) concerns every organisation
 * they belong to: each sees it in its own log, whoever made it, as wrong passwords are. An account in no
 * organisation is logged where the actor acts.
 */
export const auditPersonChange = async (ctx: ServiceContext, change: PersonChange): Promise<void> => {
  const memberships = (await listMemberships(ctx.db, [change.userId])).get(change.userId) ?? [];
  const orgIds = memberships.length ? memberships.map((m) => m.orgId) : [ctx.actor.orgId];
  const { action, userId, before, after } = change;
  for (const orgId of orgIds)
    await audit(ctx, { action, entityType: "user", entityId: userId, before, after, orgId });
};
