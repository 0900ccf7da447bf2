import type { TOrganisationApiToken } from "../../core/users/user.schemas.ts";
import type { ApiTokenRecord, OwnedApiTokenRecord } from "../../repositories/credentials.repository.ts";

export const presentToken = (token: ApiTokenRecord) => ({
  id: token.id,
  name: token.name,
  prefix: token.prefix,
  createdAt: token.createdAt.toISOString(),
  expiresAt: token.expiresAt?.toISOString() ?? null,
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
});

/** Never the secret or its digest: the prefix is what its holder recognises it by. */
export const presentOrganisationToken = (token: OwnedApiTokenRecord): TOrganisationApiToken => ({
  ...presentToken(token),
  orgId: token.orgId,
  owner: { userId: token.userId, email: token.ownerEmail },
});
