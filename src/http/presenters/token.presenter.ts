import type { ApiTokenRecord } from "../../repositories/credentials.repository.ts";

export const presentToken = (token: ApiTokenRecord) => ({
  id: token.id,
  name: token.name,
  prefix: token.prefix,
  createdAt: token.createdAt.toISOString(),
  expiresAt: token.expiresAt?.toISOString() ?? null,
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
});
