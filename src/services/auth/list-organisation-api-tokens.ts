import { administersOrg, authorize } from "../../core/access/policies.ts";
import { forbidden } from "../../core/shared/errors.ts";
import {
  type OwnedApiTokenRecord,
  listOrganisationApiTokens as selectTokens,
} from "../../repositories/credentials.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/**
 * The live API tokens acting for the administrator's organisation (platform administrators: any, or every
 * organisation's), so that a token can be found and revoked without waiting for the person who holds it.
 */
export const listOrganisationApiTokens = async (
  ctx: ServiceContext,
  orgId?: string,
): Promise<OwnedApiTokenRecord[]> => {
  authorize(ctx.actor, "member.manage");
  if (orgId && !administersOrg(ctx.actor, orgId))
    throw forbidden("Administrators list the API tokens of their own organisation only.");
  return selectTokens(ctx.db, ctx.actor.platformAdmin ? orgId : ctx.actor.orgId);
};
