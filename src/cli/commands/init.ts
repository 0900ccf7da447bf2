import type { Command } from "commander";
import { ensureFirstAdministrator } from "../../services/system/ensure-first-administrator.ts";
import { describeBundledImport, loadBundledData } from "../bundled-data.ts";
import { globalOptions, withDatabase } from "../runtime.ts";
import { printFirstAdministrator } from "./first-administrator.ts";

export const registerInit = (program: Command): void => {
  program
    .command("init")
    .description(
      "prepare an empty instance: migrations, first administrator (CONTINUUM_ADMIN_EMAIL/PASSWORD), bundled conflict data",
    )
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(
        global,
        async (handle, config) => {
          const admin = await ensureFirstAdministrator(handle.db, {
            email: config.adminEmail,
            password: config.adminPassword,
          });
          const data = await loadBundledData(handle);
          if (global.json) {
            process.stdout.write(
              `${JSON.stringify({
                administrator: admin ?? null,
                data: {
                  status: data.status,
                  datasets: data.reports.map((r) => ({ id: r.datasetId, rows: r.rowCount })),
                },
              })}\n`,
            );
            return;
          }
          if (admin) printFirstAdministrator(admin);
          if (data.status === "initialised") process.stdout.write(`${describeBundledImport(data)}\n`);
          if (!admin && data.status === "already_initialised")
            process.stdout.write("This instance is already initialised.\n");
        },
        { requireData: false },
      );
    });
};
