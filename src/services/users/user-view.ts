import type { Actor } from "../../core/access/actor.ts";
import { administersOrg } from "../../core/access/policies.ts";
import { isLocked } from "../../core/users/lockout.ts";
import type { TUser } from "../../core/users/user.schemas.ts";
import type { Db } from "../../db/types.ts";
import { listMemberships, type UserRecord } from "../../repositories/users.repository.ts";

/**
 * Users with their memberships, as the API and CLI show them (no secrets). An organisation administrator
 * (`reader`) sees only memberships of their own organisation: where else a person works is not theirs to
 * know. Platform administrators and people looking at themselves see all.
 */
export const withMemberships = async (
  db: Db,
  users: readonly UserRecord[],
  now: Date,
  reader?: Actor,
): Promise<TUser[]> => {
  const memberships = await listMemberships(
    db,
    users.map((user) => user.id),
  );
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    platformAdmin: user.platformAdmin,
    locked: isLocked(user, now),
    memberships: (memberships.get(user.id) ?? []).filter(
      (m) => !reader || reader.userId === user.id || administersOrg(reader, m.orgId),
    ),
  }));
};
