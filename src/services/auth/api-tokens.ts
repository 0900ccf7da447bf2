import { authorize } from "../../core/access/policies.ts";
import { notFound } from "../../core/shared/errors.ts";
import {
  type ApiTokenRecord,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
} from "../../repositories/credentials.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { digest, newSecret } from "./secrets.ts";

/** A token acts as its owner in the organisation the owner acted for when creating it. */
export const createApiToken = async (
  ctx: ServiceContext,
  input: { name: string; expiresInDays?: number | undefined },
): Promise<{ token: string; record: ApiTokenRecord }> => {
  authorize(ctx.actor, "token.create");
  const token = newSecret("ctk");
  const expiresAt = input.expiresInDays
    ? new Date(ctx.now().getTime() + input.expiresInDays * 86_400_000)
    : null;
  return inTransaction(ctx, async (tx) => {
    const record = await insertApiToken(tx.db, {
      tokenHash: digest(token),
      prefix: token.slice(0, 10),
      name: input.name,
      userId: ctx.actor.userId,
      orgId: ctx.actor.orgId,
      expiresAt,
    });
    await audit(tx, { action: "token.create", entityType: "api_token", entityId: record.id, after: record });
    return { token, record };
  });
};

export const listOwnApiTokens = (ctx: ServiceContext): Promise<ApiTokenRecord[]> =>
  listApiTokens(ctx.db, ctx.actor.userId);

export const revokeOwnApiToken = async (ctx: ServiceContext, tokenId: string): Promise<void> =>
  inTransaction(ctx, async (tx) => {
    const revoked = await revokeApiToken(tx.db, ctx.actor.userId, tokenId, ctx.now());
    if (!revoked) throw notFound("Token");
    await audit(tx, { action: "token.revoke", entityType: "api_token", entityId: tokenId, before: revoked });
  });
