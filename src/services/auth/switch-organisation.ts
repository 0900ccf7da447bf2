import type { Actor } from "../../core/access/actor.ts";
import { notFound } from "../../core/shared/errors.ts";
import { setSessionOrganisation } from "../../repositories/credentials.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { actorFor } from "./actor-for.ts";

/** A person in several organisations acts for one at a time; the session remembers which. */
export const switchOrganisation = async (
  ctx: ServiceContext,
  sessionHash: string,
  orgId: string,
): Promise<Actor> => {
  const actor = await actorFor(ctx.db, ctx.actor.userId, orgId);
  if (!actor) throw notFound("Membership");
  await setSessionOrganisation(ctx.db, sessionHash, orgId);
  return actor;
};
