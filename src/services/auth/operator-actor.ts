import type { Actor } from "../../core/access/actor.ts";
import { DomainError } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import { findUserByEmail, listMemberships, listUsers } from "../../repositories/users.repository.ts";
import { actorFor } from "./actor-for.ts";

/**
 * Whom the operator at the command line acts as: the person named (`--as EMAIL`), by default the first
 * platform administrator, in their first organisation.
 */
export const operatorActor = async (db: Db, email: string | undefined): Promise<Actor> => {
  const user = email
    ? await findUserByEmail(db, email)
    : (await listUsers(db)).find((candidate) => candidate.platformAdmin);
  if (!user) {
    throw new DomainError(
      email ? "not_found" : "not_initialised",
      email
        ? `No user ${email}.`
        : "This instance has no administrator yet: run `continuum init` or `continuum serve` first.",
    );
  }
  const orgId = (await listMemberships(db, [user.id])).get(user.id)?.[0]?.orgId;
  const actor = orgId && (await actorFor(db, user.id, orgId));
  if (!actor) throw new DomainError("forbidden", `${user.email} belongs to no organisation.`);
  return actor;
};
