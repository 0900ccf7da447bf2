import { administersOrg, authorize } from "../../core/access/policies.ts";
import { notFound } from "../../core/shared/errors.ts";
import { findLiveApiToken, revokeApiToken } from "../../repositories/credentials.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

/**
 * An administrator revokes an API token acting for their organisation (a platform administrator, any): a leaked
 * or forgotten token stops at once, without ending its holder's membership. Another organisation's token is
 * not found, so its existence stays unknown.
 */
export const revokeOrganisationApiToken = async (ctx: ServiceContext, tokenId: string): Promise<void> => {
  authorize(ctx.actor, "member.manage");
  await inTransaction(ctx, async (tx) => {
    const token = await findLiveApiToken(tx.db, tokenId);
    if (!token || !administersOrg(ctx.actor, token.orgId)) throw notFound("Token");
    const revoked = await revokeApiToken(tx.db, token.userId, token.id, tx.now());
    await audit(tx, {
      action: "token.revoke",
      entityType: "api_token",
      entityId: token.id,
      before: revoked,
      orgId: token.orgId,
    });
  });
};
