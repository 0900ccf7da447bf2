import { type Command, Option } from "commander";
import { clearances, roles, ZClearance, ZRole } from "../../core/access/vocabulary.ts";
import type { TUser } from "../../core/users/user.schemas.ts";
import { presentUser } from "../../http/presenters/user.presenter.ts";
import { generatePassword } from "../../services/auth/secrets.ts";
import { orgIdBySlug } from "../../services/organisations/org-id-by-slug.ts";
import { createUser } from "../../services/users/create-user.ts";
import { listUsers } from "../../services/users/list-users.ts";
import { removeMembership } from "../../services/users/remove-membership.ts";
import { resetPassword } from "../../services/users/reset-password.ts";
import { setMembership } from "../../services/users/set-membership.ts";
import { setPlatformAdministrator } from "../../services/users/set-platform-administrator.ts";
import { unlockUser } from "../../services/users/unlock-user.ts";
import { userIdByEmail } from "../../services/users/user-id-by-email.ts";
import { cliContext, globalOptions, printOne, printRows, withDatabase } from "../runtime.ts";

const flatten = (user: TUser) => ({
  email: user.email,
  name: user.name,
  memberships: user.memberships.map((m) => `${m.orgName}: ${m.role} (${m.clearance})`).join("; "),
  locked: user.locked,
  mustChangePassword: user.mustChangePassword,
  id: user.id,
});

export const registerUsers = (program: Command): void => {
  const user = program.command("user").description("people and their roles per organisation");

  user
    .command("add <email>")
    .description("add a person to an organisation (prints a generated password unless --password is given)")
    .requiredOption("--org <slug>", "organisation slug or id")
    .addOption(new Option("--role <role>", "role in the organisation").choices(roles).makeOptionMandatory())
    .option("--name <name>", "display name (default: the email)")
    .addOption(
      new Option("--clearance <level>", "highest classification read")
        .choices(clearances)
        .default("restricted"),
    )
    .option("--password <password>", "initial password (at least 12 characters)")
    .action(
      async (
        email: string,
        options: { org: string; role: string; name?: string; clearance: string; password?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        await withDatabase(global, async (handle) => {
          const password = options.password ?? generatePassword();
          const ctx = await cliContext(handle, global);
          const added = await createUser(ctx, {
            email,
            name: options.name ?? email,
            password,
            orgId: await orgIdBySlug(handle.db, options.org),
            role: ZRole.parse(options.role),
            clearance: ZClearance.parse(options.clearance),
          });
          const created = presentUser(added.user, ctx.actor, ctx.now());
          if (added.accountExisted) {
            printOne(
              global,
              created,
              `${created.email} already has an account: added the membership (name and password unchanged).`,
            );
            return;
          }
          const shown = options.password ? "" : `\nGenerated password (shown once): ${password}`;
          printOne(
            global,
            { ...created, ...(options.password ? {} : { password }) },
            `Added ${created.email}; they choose their own password at their first sign-in.${shown}`,
          );
        });
      },
    );

  user
    .command("list")
    .description("list people (of one organisation with --org)")
    .option("--org <slug>", "organisation slug or id")
    .action(async (options: { org?: string }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const orgId = options.org ? await orgIdBySlug(handle.db, options.org) : undefined;
        const ctx = await cliContext(handle, global);
        const users = (await listUsers(ctx, orgId)).map((person) =>
          presentUser(person, ctx.actor, ctx.now()),
        );
        if (global.json)
          printRows(global, users, [
            "id",
            "email",
            "name",
            "platformAdmin",
            "locked",
            "mustChangePassword",
            "memberships",
          ]);
        else
          printRows(global, users.map(flatten), [
            "email",
            "name",
            "memberships",
            "locked",
            "mustChangePassword",
          ]);
      });
    });

  user
    .command("set-role <email>")
    .description("set a member's role (and clearance) in an organisation")
    .requiredOption("--org <slug>", "organisation slug or id")
    .addOption(new Option("--role <role>", "role in the organisation").choices(roles).makeOptionMandatory())
    .addOption(new Option("--clearance <level>", "highest classification read").choices(clearances))
    .action(
      async (email: string, options: { org: string; role: string; clearance?: string }, command: Command) => {
        const global = globalOptions(command);
        await withDatabase(global, async (handle) => {
          const userId = await userIdByEmail(handle.db, email);
          const ctx = await cliContext(handle, global);
          const person = await setMembership(ctx, {
            userId,
            orgId: await orgIdBySlug(handle.db, options.org),
            role: ZRole.parse(options.role),
            clearance: options.clearance ? ZClearance.parse(options.clearance) : undefined,
          });
          const updated = presentUser(person, ctx.actor, ctx.now());
          printOne(global, updated, `${updated.email}: ${flatten(updated).memberships}`);
        });
      },
    );

  user
    .command("remove <email>")
    .description("end a person's membership of an organisation (their sessions for it end; records stay)")
    .requiredOption("--org <slug>", "organisation")
    .action(async (email: string, options: { org: string }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const userId = await userIdByEmail(handle.db, email);
        const orgId = await orgIdBySlug(handle.db, options.org);
        await removeMembership(await cliContext(handle, global), { userId, orgId });
        printOne(
          global,
          { email, org: options.org, removed: true },
          `${email} is no longer a member of ${options.org}.`,
        );
      });
    });

  user
    .command("reset-password <email>")
    .description(
      "give a person a new password (prints a generated one unless --password is given); their sessions end and any lock-out is lifted",
    )
    .option("--password <password>", "the new password (at least 12 characters)")
    .action(async (email: string, options: { password?: string }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const password = options.password ?? generatePassword();
        const reset = await resetPassword(await cliContext(handle, global), { email, newPassword: password });
        const shown = options.password ? "" : `\nGenerated password (shown once): ${password}`;
        printOne(
          global,
          { ...reset, ...(options.password ? {} : { password }) },
          `New password set for ${reset.email}; their sessions have ended and they choose their own at their next sign-in.${shown}`,
        );
      });
    });

  user
    .command("platform-admin <email>")
    .description("make a person a platform administrator (instance-wide rights), or with --off no longer one")
    .option("--off", "take the rights away (one platform administrator must remain)")
    .action(async (email: string, options: { off?: boolean }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const set = await setPlatformAdministrator(await cliContext(handle, global), {
          email,
          platformAdmin: !options.off,
        });
        printOne(
          global,
          set,
          `${set.email} is ${set.platformAdmin ? "now" : "no longer"} a platform administrator.`,
        );
      });
    });

  user
    .command("unlock <email>")
    .description("lift a lock-out after wrong passwords")
    .action(async (email: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const userId = await userIdByEmail(handle.db, email);
        const ctx = await cliContext(handle, global);
        const unlocked = presentUser(await unlockUser(ctx, userId), ctx.actor, ctx.now());
        printOne(global, unlocked, `${unlocked.email} may sign in again.`);
      });
    });
};
