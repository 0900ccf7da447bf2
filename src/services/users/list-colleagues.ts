import { type Action, canSee, type ProtectedRecord, roleMay } from "../../core/access/policies.ts";
import type { TColleague } from "../../core/users/user.schemas.ts";
import type { Db } from "../../db/types.ts";
import { listMemberships, listUsers } from "../../repositories/users.repository.ts";

/**
 * The people of an organisation whose role there allows an action and whose clearance lets them read the
 * record: whom it may be handed to. The caller has checked that the reader belongs to the record's desk.
 */
export const listColleagues = async (
  db: Db,
  orgId: string,
  action: Action,
  record: ProtectedRecord,
): Promise<TColleague[]> => {
  const people = await listUsers(db, orgId);
  const memberships = await listMemberships(
    db,
    people.map((p) => p.id),
  );
  return people
    .filter((p) =>
      memberships.get(p.id)?.some((m) => m.orgId === orgId && roleMay(m.role, action) && canSee(m, record)),
    )
    .map((p) => ({ userId: p.id, name: p.name, email: p.email }));
};
