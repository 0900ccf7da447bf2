import { ZEmail, ZPassword } from "../../core/users/user.schemas.ts";
import type { Db } from "../../db/types.ts";
import { appendAudit } from "../../repositories/audit-log.repository.ts";
import { insertOrganisation } from "../../repositories/organisations.repository.ts";
import { countUsers, insertUser, upsertMembership } from "../../repositories/users.repository.ts";
import { generatePassword, hashPassword } from "../auth/secrets.ts";
import { inTransaction } from "../shared/context.ts";

const HOST_ORGANISATION = {
  slug: "continuum",
  name: "Continuum secretariat",
  kind: "un_entity",
} as const;

export type FirstAdministrator = { email: string; password: string; generated: boolean };

/**
 * On an instance without people, creates the host organisation and its first administrator (a platform
 * administrator). The password comes from configuration or is generated and returned once to be printed.
 * Either way it is the operator's own, not someone else's choice, so it need not be changed at first sign-in.
 */
export const ensureFirstAdministrator = async (
  db: Db,
  configured: { email?: string | undefined; password?: string | undefined },
): Promise<FirstAdministrator | undefined> => {
  if ((await countUsers(db)) > 0) return undefined;
  const email = ZEmail.parse(configured.email ?? "admin@continuum.local");
  const password = configured.password ? ZPassword.parse(configured.password) : generatePassword();
  const passwordHash = await hashPassword(password);
  await inTransaction({ db }, async ({ db: trx }) => {
    const org = await insertOrganisation(trx, HOST_ORGANISATION);
    const user = await insertUser(trx, { email, name: "Administrator", passwordHash, platformAdmin: true });
    await upsertMembership(trx, {
      userId: user.id,
      orgId: org.id,
      role: "administrator",
      clearance: "confidential",
    });
    await appendAudit(trx, {
      actor: "system",
      actorUserId: null,
      orgId: org.id,
      via: "system",
      action: "user.create_first_administrator",
      entityType: "user",
      entityId: user.id,
      after: { email, organisation: org.slug },
    });
  });
  return { email, password, generated: !configured.password };
};
