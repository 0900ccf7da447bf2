import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { ZAuditQuery } from "../../core/audit-log/audit.schemas.ts";
import { listAudit } from "../../services/audit-log/list-audit.ts";
import { cliContext, globalOptions, printRows, withDatabase } from "../runtime.ts";

type AuditOptions = { limit?: string; entity?: string; action?: string; since?: string; out?: string };

const queryOf = (options: AuditOptions, defaultLimit: number) =>
  ZAuditQuery.parse({
    limit: options.limit ?? defaultLimit,
    entityType: options.entity,
    action: options.action,
    since: options.since,
  });

const withFilters = (command: Command) =>
  command
    .option("--limit <n>", "most recent entries to show")
    .option("--entity <type>", "only this record type, e.g. organisation, user, analyses")
    .option("--action <action>", "only this action, e.g. user.create")
    .option("--since <iso-datetime>", "only entries at or after this time");

export const registerAuditLog = (program: Command): void => {
  const audit = program.command("audit").description("the append-only audit log (administrators)");

  withFilters(audit.command("list").description("show who did what, newest first")).action(
    async (options: AuditOptions, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const entries = await listAudit(await cliContext(handle, global), queryOf(options, 50));
        printRows(global, entries, ["id", "at", "actor", "via", "action", "entityType", "entityId"]);
      });
    },
  );

  withFilters(audit.command("export").description("write the log as JSON Lines"))
    .requiredOption("--out <file>", "file to write")
    .action(async (options: AuditOptions & { out: string }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const entries = await listAudit(await cliContext(handle, global), queryOf(options, 1000));
        writeFileSync(
          options.out,
          entries.map((entry) => JSON.stringify(entry)).join("\n") + (entries.length ? "\n" : ""),
        );
        process.stderr.write(`Wrote ${entries.length} entries to ${options.out}\n`);
      });
    });
};
