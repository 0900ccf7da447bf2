import { authorize } from "../../core/access/policies.ts";
import { type ApiTokenRecord, insertApiToken } from "../../repositories/credentials.repository.ts";
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
