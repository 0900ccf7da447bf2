import type { Actor } from "../../core/access/actor.ts";
import type { Db } from "../../db/types.ts";
import { findMembership, findUserById } from "../../repositories/users.repository.ts";

/** The actor a user is when acting for `orgId`, or undefined if they are no longer a member. */
export const actorFor = async (db: Db, userId: string, orgId: string): Promise<Actor | undefined> => {
  const [user, membership] = await Promise.all([findUserById(db, userId), findMembership(db, userId, orgId)]);
  if (!user || !membership) return undefined;
  return {
    userId,
    email: user.email,
    orgId,
    role: membership.role,
    clearance: membership.clearance,
    platformAdmin: user.platformAdmin,
  };
};
