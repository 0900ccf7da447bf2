import { DomainError } from "../../core/shared/errors.ts";
import { findUserById } from "../../repositories/users.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { type PersonView, withMemberships } from "../users/user-view.ts";

/** The signed-in person with all their memberships, and the language they chose. */
export const readSignedInUser = async (
  ctx: ServiceContext,
): Promise<{ user: PersonView; language: string }> => {
  const user = await findUserById(ctx.db, ctx.actor.userId);
  const [view] = await withMemberships(ctx.db, user ? [user] : []);
  // A session outlives its person only for the instant between a deletion and the sessions' end.
  if (!user || !view) throw new DomainError("unauthenticated", "Sign in, or send an API token.");
  return { user: view, language: user.language };
};
