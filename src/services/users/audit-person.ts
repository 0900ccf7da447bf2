import { listMemberships } from "../../repositories/users.repository.ts";
import { audit, type ServiceContext } from "../shared/context.ts";

type PersonChange = { action: string; userId: string; before?: unknown; after?: unknown };

/**
 * A platform administrator's change to a person's account (a lock lifted, a password reset, platform rights)
 * concerns every organisation the person belongs to: each sees it in its own log, as it sees wrong passwords.
 * An organisation administrator's stays in their own organisation's log: in another's, their name would say
 * where else the person works, which `presentUser` keeps from that organisation. An account in no
 * organisation is logged where the actor acts.
 */
export const auditPersonChange = async (ctx: ServiceContext, change: PersonChange): Promise<void> => {
  const memberships = ctx.actor.platformAdmin
    ? ((await listMemberships(ctx.db, [change.userId])).get(change.userId) ?? [])
    : [];
  const orgIds = memberships.length ? memberships.map((m) => m.orgId) : [ctx.actor.orgId];
  const { action, userId, before, after } = change;
  for (const orgId of orgIds)
    await audit(ctx, { action, entityType: "user", entityId: userId, before, after, orgId });
};
