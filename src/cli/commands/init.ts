import type { Command } from "commander";
import { ensureFirstAdministrator } from "../../services/system/ensure-first-administrator.ts";
import { globalOptions, withDatabase } from "../runtime.ts";
import { printFirstAdministrator } from "./first-administrator.ts";

export const registerInit = (program: Command): void => {
  program
    .command("init")
    .description(
      "prepare an empty instance: migrations, first administrator (CONTINUUM_ADMIN_EMAIL/PASSWORD)",
    )
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle, config) => {
        const admin = await ensureFirstAdministrator(handle.db, {
          email: config.adminEmail,
          password: config.adminPassword,
        });
        if (global.json) process.stdout.write(`${JSON.stringify({ administrator: admin ?? null })}\n`);
        else if (admin) printFirstAdministrator(admin);
        else process.stdout.write("This instance is already initialised.\n");
      });
    });
};
