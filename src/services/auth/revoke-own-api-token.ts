import { notFound } from "../../core/shared/errors.ts";
import { revokeApiToken } from "../../repositories/credentials.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

export const revokeOwnApiToken = async (ctx: ServiceContext, tokenId: string): Promise<void> =>
  inTransaction(ctx, async (tx) => {
    const revoked = await revokeApiToken(tx.db, ctx.actor.userId, tokenId, ctx.now());
    if (!revoked) throw notFound("Token");
    await audit(tx, { action: "token.revoke", entityType: "api_token", entityId: tokenId, before: revoked });
  });
