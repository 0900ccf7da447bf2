import type { Clearance, Role } from "../core/access/vocabulary.ts";
import type { TMembership } from "../core/users/user.schemas.ts";
import type { Db } from "../db/types.ts";

export type UserRecord = {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  platformAdmin: boolean;
  failedSignIns: number;
  lockedUntil: Date | null;
  language: string;
  /** The password was set by someone else: the person must choose their own before doing anything else. */
  mustChangePassword: boolean;
};

const userColumns = [
  "id",
  "email",
  "name",
  "password_hash as passwordHash",
  "platform_admin as platformAdmin",
  "failed_sign_ins as failedSignIns",
  "locked_until as lockedUntil",
  "language",
  "must_change_password as mustChangePassword",
] as const;

export const insertUser = async (
  db: Db,
  user: {
    email: string;
    name: string;
    passwordHash: string;
    platformAdmin?: boolean;
    mustChangePassword?: boolean;
  },
): Promise<UserRecord> =>
  db
    .insertInto("users")
    .values({
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      platform_admin: user.platformAdmin ?? false,
      must_change_password: user.mustChangePassword ?? false,
    })
    .returning(userColumns)
    .executeTakeFirstOrThrow();

export const findUserByEmail = async (db: Db, email: string): Promise<UserRecord | undefined> =>
  db.selectFrom("users").select(userColumns).where("email", "=", email.toLowerCase()).executeTakeFirst();

export const findUserById = async (db: Db, id: string): Promise<UserRecord | undefined> =>
  db.selectFrom("users").select(userColumns).where("id", "=", id).executeTakeFirst();

export const countUsers = async (db: Db): Promise<number> => {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

export const recordSignInState = async (
  db: Db,
  userId: string,
  state: { failedSignIns: number; lockedUntil: Date | null },
): Promise<void> => {
  await db
    .updateTable("users")
    .set({ failed_sign_ins: state.failedSignIns, locked_until: state.lockedUntil })
    .where("id", "=", userId)
    .execute();
};

/**
 * Claims one password attempt before the password is checked, in one statement, so that guesses sent in
 * parallel cannot all read the same count: the number of this attempt since the last right password, or null
 * while the account is locked or all its attempts are in use.
 */
export const claimPasswordAttempt = async (
  db: Db,
  userId: string,
  now: Date,
  maxAttempts: number,
): Promise<number | null> => {
  const claimed = await db
    .updateTable("users")
    .set((eb) => ({ failed_sign_ins: eb("failed_sign_ins", "+", 1) }))
    .where("id", "=", userId)
    .where("failed_sign_ins", "<", maxAttempts)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .returning("failed_sign_ins")
    .executeTakeFirst();
  return claimed?.failed_sign_ins ?? null;
};

/** `mustChange`: the password was chosen by someone other than the person, who must replace it. */
export const setPasswordHash = async (
  db: Db,
  userId: string,
  password: { hash: string; mustChange: boolean },
): Promise<void> => {
  await db
    .updateTable("users")
    .set({ password_hash: password.hash, must_change_password: password.mustChange })
    .where("id", "=", userId)
    .execute();
};

/** Sets the platform-administrator flag and returns how many platform administrators there are now. */
export const setPlatformAdmin = async (db: Db, userId: string, platformAdmin: boolean): Promise<number> => {
  await db.updateTable("users").set({ platform_admin: platformAdmin }).where("id", "=", userId).execute();
  const { count } = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("platform_admin", "=", true)
    .executeTakeFirstOrThrow();
  return Number(count);
};

export const setUserLanguage = async (db: Db, userId: string, language: string): Promise<void> => {
  await db.updateTable("users").set({ language }).where("id", "=", userId).execute();
};

/** Each person's language, for writing to them. */
export const findUserLanguages = async (db: Db, userIds: readonly string[]): Promise<Map<string, string>> => {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "language"]).where("id", "in", userIds).execute();
  return new Map(rows.map((row) => [row.id, row.language]));
};

export const upsertMembership = async (
  db: Db,
  membership: { userId: string; orgId: string; role: Role; clearance: Clearance },
): Promise<void> => {
  await db
    .insertInto("memberships")
    .values({
      user_id: membership.userId,
      org_id: membership.orgId,
      role: membership.role,
      clearance: membership.clearance,
    })
    .onConflict((oc) =>
      oc
        .columns(["user_id", "org_id"])
        .doUpdateSet({ role: membership.role, clearance: membership.clearance }),
    )
    .execute();
};

export const deleteMembership = async (db: Db, userId: string, orgId: string): Promise<void> => {
  await db.deleteFrom("memberships").where("user_id", "=", userId).where("org_id", "=", orgId).execute();
};

export const findMembership = async (
  db: Db,
  userId: string,
  orgId: string,
): Promise<{ role: Role; clearance: Clearance } | undefined> => {
  const row = await db
    .selectFrom("memberships")
    .select(["role", "clearance"])
    .where("user_id", "=", userId)
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return row && { role: row.role as Role, clearance: row.clearance as Clearance };
};

/** How many members of the organisation hold one of the roles. */
export const countMembers = async (db: Db, orgId: string, withRoles: readonly Role[]): Promise<number> => {
  if (withRoles.length === 0) return 0;
  const { count } = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("org_id", "=", orgId)
    .where("role", "in", withRoles)
    .executeTakeFirstOrThrow();
  return Number(count);
};

export const listMemberships = async (
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, TMembership[]>> => {
  const byUser = new Map<string, TMembership[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("organisations", "organisations.id", "memberships.org_id")
    .select(["memberships.user_id", "memberships.org_id", "organisations.name", "role", "clearance"])
    .where("memberships.user_id", "in", userIds)
    .orderBy("memberships.created_at")
    .execute();
  for (const row of rows) {
    byUser.get(row.user_id)?.push({
      orgId: row.org_id,
      orgName: row.name,
      role: row.role as Role,
      clearance: row.clearance as Clearance,
    });
  }
  return byUser;
};

/** Users with a membership in `orgId`, or every user when `orgId` is undefined. */
export const listUsers = async (db: Db, orgId?: string): Promise<UserRecord[]> => {
  let query = db.selectFrom("users").select(userColumns);
  if (orgId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("memberships")
          .select("memberships.user_id")
          .whereRef("memberships.user_id", "=", "users.id")
          .where("memberships.org_id", "=", orgId),
      ),
    );
  }
  return query.orderBy("email").execute();
};
