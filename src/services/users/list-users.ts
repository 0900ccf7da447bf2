import { administersOrg, authorize } from "../../core/access/policies.ts";
import { forbidden } from "../../core/shared/errors.ts";
import { listUsers as selectUsers } from "../../repositories/users.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { type PersonView, withMemberships } from "./user-view.ts";

/** Administrators see their organisation's people; platform administrators see everyone. */
export const listUsers = async (ctx: ServiceContext, orgId?: string): Promise<PersonView[]> => {
  authorize(ctx.actor, "member.read");
  // Asking for another organisation's people is refused, not answered with one's own as if they were theirs.
  if (orgId && !administersOrg(ctx.actor, orgId))
    throw forbidden("Administrators list the people of their own organisation only.");
  const scope = ctx.actor.platformAdmin ? orgId : ctx.actor.orgId;
  return withMemberships(ctx.db, await selectUsers(ctx.db, scope));
};
