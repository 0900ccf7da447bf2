import type { Actor } from "../../core/access/actor.ts";
import { administersOrg } from "../../core/access/policies.ts";
import { isLocked } from "../../core/users/lockout.ts";
import type { TUser } from "../../core/users/user.schemas.ts";
import type { PersonView } from "../../services/users/user-view.ts";

/**
 * A person as the API and CLI show them (no secrets). An organisation administrator sees only memberships of
 * their own organisation: where else a person works is not theirs to know. Platform administrators and people
 * looking at themselves see all.
 */
export const presentUser = (person: PersonView, reader: Actor, now: Date): TUser => ({
  id: person.id,
  email: person.email,
  name: person.name,
  platformAdmin: person.platformAdmin,
  locked: isLocked(person, now),
  mustChangePassword: person.mustChangePassword,
  memberships: person.memberships.filter(
    (m) => reader.userId === person.id || administersOrg(reader, m.orgId),
  ),
});
