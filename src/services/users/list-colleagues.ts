import { type Action, roleMay } from "../../core/access/policies.ts";
import type { TColleague } from "../../core/users/user.schemas.ts";
import type { Db } from "../../db/types.ts";
import { listMemberships, listUsers } from "../../repositories/users.repository.ts";

/**
 * The people of an organisation whose role there allows an action: whom a record may be handed to. The
 * caller has checked that the reader belongs to the record's desk.
 */
export const listColleagues = async (db: Db, orgId: string, action: Action): Promise<TColleague[]> => {
  const people = await listUsers(db, orgId);
  const memberships = await listMemberships(
    db,
    people.map((p) => p.id),
  );
  return people
    .filter((p) => memberships.get(p.id)?.some((m) => m.orgId === orgId && roleMay(m.role, action)))
    .map((p) => ({ userId: p.id, name: p.name, email: p.email }));
};
