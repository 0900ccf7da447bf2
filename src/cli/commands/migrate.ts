import type { Command } from "commander";
import { openDatabase } from "../../db/engine.ts";
import { migrate } from "../../db/migrate.ts";
import { configOf, globalOptions, printOne } from "../runtime.ts";

export const registerMigrate = (program: Command): void => {
  program
    .command("migrate")
    .description("apply pending database migrations")
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      const handle = await openDatabase(configOf(global));
      try {
        const applied = await migrate(handle);
        printOne(
          global,
          { applied },
          applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.",
        );
      } finally {
        await handle.close();
      }
    });
};
