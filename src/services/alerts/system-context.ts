import type { Db } from "../../db/types.ts";
import { findFallbackOwner } from "../../repositories/alerts/desks.repository.ts";
import { actorFor } from "../auth/actor-for.ts";
import type { ServiceContext } from "../shared/context.ts";

/**
 * The context scheduled jobs run in: the platform acting through its first administrator, recorded in
 * the audit log as "system". Undefined on an instance without an administrator.
 */
export const systemContext = async (
  db: Db,
  now: () => Date,
  label: string,
): Promise<ServiceContext | undefined> => {
  const owner = await findFallbackOwner(db);
  const actor = owner && (await actorFor(db, owner.userId, owner.orgId));
  if (!actor) return undefined;
  return { db, actor, via: "system", actorLabel: `system: ${label}`, now };
};
