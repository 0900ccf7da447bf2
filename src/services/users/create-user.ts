import { assertAdministers, assertMayGrant } from "../../core/access/policies.ts";
import { conflict, invalid, notFound } from "../../core/shared/errors.ts";
import { passwordWeakness } from "../../core/users/password-rules.ts";
import { type TCreateUser, ZCreateUser } from "../../core/users/user.schemas.ts";
import { findOrganisation } from "../../repositories/organisations.repository.ts";
import {
  findMembership,
  findUserByEmail,
  insertUser,
  upsertMembership,
} from "../../repositories/users.repository.ts";
import { hashPassword } from "../auth/secrets.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { type PersonView, withMemberships } from "./user-view.ts";

type CreatedUser = { user: PersonView; accountExisted: boolean };

/**
 * Adds a person to an organisation. The first password is the administrator's choice, so the person must
 * choose their own at their first sign-in. A platform administrator may add an existing account (same email) to
 * another organisation: it gets the new membership and keeps its name and password. A membership that
 * already exists is never changed here (that is `setMembership`, which records what it was before).
 */
export const createUser = async (ctx: ServiceContext, raw: TCreateUser): Promise<CreatedUser> => {
  const input = ZCreateUser.parse(raw);
  assertAdministers(ctx.actor, input.orgId);
  assertMayGrant(ctx.actor, input.clearance);
  const weakness = passwordWeakness(input.password, input.email);
  if (weakness) throw invalid(`The password ${weakness}.`, [{ field: "password", message: weakness }]);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    if (!(await findOrganisation(tx.db, input.orgId))) throw notFound("Organisation");
    const existing = await findUserByEmail(tx.db, input.email);
    if (existing && !ctx.actor.platformAdmin) {
      throw conflict(`${input.email} already has an account.`, [{ field: "email", message: "taken" }]);
    }
    if (existing && (await findMembership(tx.db, existing.id, input.orgId)))
      throw conflict(
        `${input.email} is already a member of this organisation; change their role or clearance instead.`,
        [{ field: "email", message: "already a member" }],
      );
    const user =
      existing ??
      (await insertUser(tx.db, {
        email: input.email,
        name: input.name,
        passwordHash,
        mustChangePassword: true,
      }));
    const membership = { userId: user.id, orgId: input.orgId, role: input.role, clearance: input.clearance };
    await upsertMembership(tx.db, membership);
    const [view] = await withMemberships(tx.db, [user]);
    // The organisation's log names the membership it gained, not where else the person works.
    await audit(tx, {
      action: existing ? "member.add" : "user.create",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, name: user.name, role: input.role, clearance: input.clearance },
      orgId: input.orgId,
    });
    if (!view) throw notFound("User");
    return { user: view, accountExisted: Boolean(existing) };
  });
};
