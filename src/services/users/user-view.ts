import type { TMembership } from "../../core/users/user.schemas.ts";
import type { Db } from "../../db/types.ts";
import { listMemberships, type UserRecord } from "../../repositories/users.repository.ts";

/** A person with every membership they hold; `presentUser` shows each reader the part that is theirs to know. */
export type PersonView = UserRecord & { memberships: TMembership[] };

export const withMemberships = async (db: Db, users: readonly UserRecord[]): Promise<PersonView[]> => {
  const memberships = await listMemberships(
    db,
    users.map((user) => user.id),
  );
  return users.map((user) => ({ ...user, memberships: memberships.get(user.id) ?? [] }));
};
