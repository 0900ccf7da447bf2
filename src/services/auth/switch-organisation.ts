import type { Actor } from "../../core/access/actor.ts";
import { notFound } from "../../core/shared/errors.ts";
import { setSessionOrganisation } from "../../repositories/credentials.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { actorFor } from "./actor-for.ts";

/**
 * A person in several organisations acts for one at a time; the session remembers which. The organisation they
 * now act for sees it in its log, as it sees a sign-in: it names who works with its records from then on. Not
 * which organisation they came from: where else a person works is not that organisation's to know.
 */
export const switchOrganisation = async (
  ctx: ServiceContext,
  sessionHash: string,
  orgId: string,
): Promise<Actor> => {
  const actor = await actorFor(ctx.db, ctx.actor.userId, orgId);
  if (!actor) throw notFound("Membership");
  await inTransaction(ctx, async (tx) => {
    await setSessionOrganisation(tx.db, sessionHash, orgId);
    await audit(tx, {
      action: "auth.switch_organisation",
      entityType: "session",
      entityId: null,
      after: { orgId, role: actor.role, clearance: actor.clearance },
      orgId,
    });
  });
  return actor;
};
