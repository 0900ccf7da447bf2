import { authorize } from "../../core/access/policies.ts";
import type { TUser } from "../../core/users/user.schemas.ts";
import { listUsers as selectUsers } from "../../repositories/users.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { withMemberships } from "./user-view.ts";

/** Administrators see their organisation's people; platform administrators see everyone. */
export const listUsers = async (ctx: ServiceContext, orgId?: string): Promise<TUser[]> => {
  authorize(ctx.actor, "member.read");
  const scope = ctx.actor.platformAdmin ? orgId : ctx.actor.orgId;
  return withMemberships(ctx.db, await selectUsers(ctx.db, scope), ctx.now(), ctx.actor);
};
