import type { Db } from "../../db/types.ts";

export type DeskRecord = {
  iso3: string;
  orgId: string;
  orgName: string;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  escalationUserId: string | null;
  escalationName: string | null;
  escalationEmail: string | null;
};

const select = (db: Db) =>
  db
    .selectFrom("alert_desks as d")
    .innerJoin("organisations as o", "o.id", "d.org_id")
    .leftJoin("users as u", "u.id", "d.user_id")
    .leftJoin("users as e", "e.id", "d.escalation_user_id")
    .select([
      "d.iso3",
      "d.org_id as orgId",
      "o.name as orgName",
      "d.user_id as userId",
      "u.name as userName",
      "u.email as userEmail",
      "d.escalation_user_id as escalationUserId",
      "e.name as escalationName",
      "e.email as escalationEmail",
    ]);

export const listDesks = (db: Db): Promise<DeskRecord[]> => select(db).orderBy("d.iso3").execute();

/** The country's own desk, else the default desk ('*'). */
export const findDeskFor = async (db: Db, iso3: string): Promise<DeskRecord | undefined> => {
  const rows = await select(db).where("d.iso3", "in", [iso3, "*"]).execute();
  return rows.find((row) => row.iso3 === iso3) ?? rows.find((row) => row.iso3 === "*");
};

export const upsertDesk = async (
  db: Db,
  desk: { iso3: string; orgId: string; userId: string | null; escalationUserId: string | null },
  now: Date,
): Promise<void> => {
  const values = {
    org_id: desk.orgId,
    user_id: desk.userId,
    escalation_user_id: desk.escalationUserId,
    updated_at: now,
  };
  await db
    .insertInto("alert_desks")
    .values({ iso3: desk.iso3, ...values })
    .onConflict((oc) => oc.column("iso3").doUpdateSet(values))
    .execute();
};

export const deleteDesk = async (db: Db, iso3: string): Promise<boolean> =>
  (await db.deleteFrom("alert_desks").where("iso3", "=", iso3).executeTakeFirst()).numDeletedRows > 0n;

/** When no desk is configured, alerts fall to the platform's first administrator and their organisation. */
export const findFallbackOwner = async (db: Db): Promise<{ orgId: string; userId: string } | undefined> =>
  db
    .selectFrom("users as u")
    .innerJoin("memberships as m", "m.user_id", "u.id")
    .select(["m.org_id as orgId", "u.id as userId"])
    .where("u.platform_admin", "=", true)
    .orderBy("u.created_at")
    .orderBy("m.created_at")
    .executeTakeFirst();

/** People of an organisation with a given role, for escalation beyond the desk's supervisor. */
export const listOrgMembersWithRole = (db: Db, orgId: string, role: string) =>
  db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email"])
    .where("m.org_id", "=", orgId)
    .where("m.role", "=", role)
    .orderBy("u.created_at")
    .execute();
