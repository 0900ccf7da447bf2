import { assertPlatformAdministrator } from "../../core/access/policies.ts";
import { conflict, notFound } from "../../core/shared/errors.ts";
import { findUserByEmail, setPlatformAdmin } from "../../repositories/users.repository.ts";
import { inTransaction, type ServiceContext } from "../shared/context.ts";
import { auditPersonChange } from "./audit-person.ts";

/** Makes a person a platform administrator (instance-wide rights), or no longer one; one must remain. */
export const setPlatformAdministrator = async (
  ctx: ServiceContext,
  input: { email: string; platformAdmin: boolean },
): Promise<{ email: string; platformAdmin: boolean }> => {
  assertPlatformAdministrator(ctx.actor);
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user) throw notFound(`User ${input.email}`);
  if (user.platformAdmin === input.platformAdmin)
    return { email: user.email, platformAdmin: user.platformAdmin };
  return inTransaction(ctx, async (tx) => {
    const remaining = await setPlatformAdmin(tx.db, user.id, input.platformAdmin);
    if (remaining === 0)
      throw conflict("The instance would have no platform administrator left.", [
        { field: "email", message: "the last platform administrator", value: input.email },
      ]);
    await auditPersonChange(tx, {
      action: "user.set_platform_admin",
      userId: user.id,
      before: { platformAdmin: user.platformAdmin },
      after: { platformAdmin: input.platformAdmin },
    });
    return { email: user.email, platformAdmin: input.platformAdmin };
  });
};
