import { conflict, notFound } from "../../core/shared/errors.ts";
import { type TCreateUser, type TUser, ZCreateUser } from "../../core/users/user.schemas.ts";
import { findOrganisation } from "../../repositories/organisations.repository.ts";
import { findUserByEmail, insertUser, upsertMembership } from "../../repositories/users.repository.ts";
import { hashPassword } from "../auth/secrets.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertAdministers } from "./administer-org.ts";
import { withMemberships } from "./user-view.ts";

/** Adds a person to an organisation; an existing account (same email) gets the new membership instead. */
export const createUser = async (ctx: ServiceContext, raw: TCreateUser): Promise<TUser> => {
  const input = ZCreateUser.parse(raw);
  assertAdministers(ctx.actor, input.orgId);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    if (!(await findOrganisation(tx.db, input.orgId))) throw notFound("Organisation");
    const existing = await findUserByEmail(tx.db, input.email);
    if (existing && !ctx.actor.platformAdmin) {
      throw conflict(`${input.email} already has an account.`, [{ field: "email", message: "taken" }]);
    }
    const user =
      existing ?? (await insertUser(tx.db, { email: input.email, name: input.name, passwordHash }));
    const membership = { userId: user.id, orgId: input.orgId, role: input.role, clearance: input.clearance };
    await upsertMembership(tx.db, membership);
    const [view] = await withMemberships(tx.db, [user], ctx.now());
    await audit(tx, { action: "user.create", entityType: "user", entityId: user.id, after: view });
    if (!view) throw notFound("User");
    return view;
  });
};
