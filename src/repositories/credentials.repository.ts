import type { Db } from "../db/types.ts";

type SessionRecord = { userId: string; orgId: string; csrfToken: string; expiresAt: Date };

export const insertSession = async (db: Db, tokenHash: string, session: SessionRecord): Promise<void> => {
  await db
    .insertInto("sessions")
    .values({
      token_hash: tokenHash,
      user_id: session.userId,
      org_id: session.orgId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
};

/** A live session, and whether its person must still replace a password someone else set. */
export const findSession = async (
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<(SessionRecord & { mustChangePassword: boolean }) | undefined> =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.user_id as userId",
      "sessions.org_id as orgId",
      "sessions.csrf_token as csrfToken",
      "sessions.expires_at as expiresAt",
      "users.must_change_password as mustChangePassword",
    ])
    .where("sessions.token_hash", "=", tokenHash)
    .where("sessions.expires_at", ">", now)
    .executeTakeFirst();

export const setSessionOrganisation = async (db: Db, tokenHash: string, orgId: string): Promise<void> => {
  await db.updateTable("sessions").set({ org_id: orgId }).where("token_hash", "=", tokenHash).execute();
};

export const deleteSession = async (db: Db, tokenHash: string): Promise<void> => {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
};

/** Ends a user's sessions acting for one organisation (their membership there has ended). */
export const deleteOrgSessions = async (db: Db, userId: string, orgId: string): Promise<void> => {
  await db.deleteFrom("sessions").where("user_id", "=", userId).where("org_id", "=", orgId).execute();
};

/** Revokes a user's API tokens acting for an organisation: rejoining it later does not revive them. */
export const revokeOrgApiTokens = async (db: Db, userId: string, orgId: string, now: Date): Promise<void> => {
  await db
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("org_id", "=", orgId)
    .where("revoked_at", "is", null)
    .execute();
};

/** Ends every session of a user except, optionally, the one making the request. */
export const deleteUserSessions = async (db: Db, userId: string, keepTokenHash?: string): Promise<void> => {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepTokenHash) query = query.where("token_hash", "!=", keepTokenHash);
  await query.execute();
};

export type ApiTokenRecord = {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  orgId: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
};

const tokenColumns = [
  "id",
  "name",
  "prefix",
  "user_id as userId",
  "org_id as orgId",
  "created_at as createdAt",
  "expires_at as expiresAt",
  "last_used_at as lastUsedAt",
] as const;

export const insertApiToken = async (
  db: Db,
  token: {
    tokenHash: string;
    prefix: string;
    name: string;
    userId: string;
    orgId: string;
    expiresAt: Date | null;
  },
): Promise<ApiTokenRecord> =>
  db
    .insertInto("api_tokens")
    .values({
      token_hash: token.tokenHash,
      prefix: token.prefix,
      name: token.name,
      user_id: token.userId,
      org_id: token.orgId,
      expires_at: token.expiresAt,
    })
    .returning(tokenColumns)
    .executeTakeFirstOrThrow();

/** Finds a live token and stamps its use. */
export const useApiToken = async (
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<ApiTokenRecord | undefined> =>
  db
    .updateTable("api_tokens")
    .set({ last_used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now)]))
    .returning(tokenColumns)
    .executeTakeFirst();

export const listApiTokens = async (db: Db, userId: string): Promise<ApiTokenRecord[]> =>
  db
    .selectFrom("api_tokens")
    .select(tokenColumns)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();

/** A live token with the email of the person it acts as. */
export type OwnedApiTokenRecord = ApiTokenRecord & { ownerEmail: string };

/** The live tokens acting for an organisation (for every organisation when none is named), newest first. */
export const listOrganisationApiTokens = async (db: Db, orgId?: string): Promise<OwnedApiTokenRecord[]> => {
  let select = db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select(tokenColumns.map((column) => `api_tokens.${column}` as const))
    .select("users.email as ownerEmail")
    .where("api_tokens.revoked_at", "is", null);
  if (orgId) select = select.where("api_tokens.org_id", "=", orgId);
  return select.orderBy("api_tokens.created_at", "desc").execute();
};

/** A live token by its id, whoever holds it; undefined when there is none. */
export const findLiveApiToken = (db: Db, tokenId: string): Promise<ApiTokenRecord | undefined> =>
  db
    .selectFrom("api_tokens")
    .select(tokenColumns)
    .where("id", "=", tokenId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();

/** Revokes a live token of the user, returning it as it was; undefined when there is none. */
export const revokeApiToken = async (
  db: Db,
  userId: string,
  tokenId: string,
  now: Date,
): Promise<ApiTokenRecord | undefined> => {
  const live = await db
    .selectFrom("api_tokens")
    .select(tokenColumns)
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (live) await db.updateTable("api_tokens").set({ revoked_at: now }).where("id", "=", tokenId).execute();
  return live;
};
