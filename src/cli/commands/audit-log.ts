import type { Command } from "commander";
import { ZAuditExportQuery, ZAuditQuery } from "../../core/audit-log/audit.schemas.ts";
import { invalid } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import { presentAuditEntry } from "../../http/presenters/audit-log.presenter.ts";
import { listAudit } from "../../services/audit-log/list-audit.ts";
import { orgIdBySlug } from "../../services/organisations/org-id-by-slug.ts";
import { assertWritableOutput, writeOutput } from "../output-files.ts";
import { cliContext, globalOptions, printRows, withDatabase } from "../runtime.ts";

type AuditOptions = {
  limit?: string;
  org?: string;
  entity?: string;
  record?: string;
  action?: string;
  actor?: string;
  via?: string;
  since?: string;
  until?: string;
  out?: string;
};

const filterOf = async (db: Db, options: AuditOptions) => ({
  orgId: options.org ? await orgIdBySlug(db, options.org) : undefined,
  entityType: options.entity,
  entityId: options.record,
  action: options.action,
  actor: options.actor,
  via: options.via,
  since: options.since,
  until: options.until,
});

const withFilters = (command: Command) =>
  command
    .option("--limit <n>", "most recent entries only (list: 50 by default; export: every entry)")
    .option("--org <slug>", "only this organisation's log (platform administrators; others read their own)")
    .option("--entity <type>", "only this record type, e.g. organisation, user, analyses")
    .option("--record <id>", "only this record (its id)")
    .option("--action <action>", "only this action, e.g. user.create")
    .option("--actor <text>", "only people whose name or e-mail contains this")
    .option("--via <channel>", "only this channel: api, cli or system")
    .option(
      "--since <date-or-time>",
      "only entries from this day (YYYY-MM-DD, UTC) or time (ISO 8601 with offset)",
    )
    .option("--until <date-or-time>", "only entries up to the end of this day, or up to this time");

export const registerAuditLog = (program: Command): void => {
  const audit = program.command("audit").description("the append-only audit log (administrators)");

  withFilters(audit.command("list").description("show who did what, newest first")).action(
    async (options: AuditOptions, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const entries = (
          await listAudit(
            await cliContext(handle, global),
            ZAuditQuery.parse({ ...(await filterOf(handle.db, options)), limit: options.limit ?? 50 }),
          )
        ).map(presentAuditEntry);
        printRows(global, entries, ["id", "at", "actor", "via", "action", "entityType", "entityId"]);
      });
    },
  );

  withFilters(audit.command("export").description("write the log as JSON Lines"))
    .requiredOption("--out <file>", "file to write")
    .action(async (options: AuditOptions & { out: string }, command: Command) => {
      const global = globalOptions(command);
      // A spreadsheet would open JSON Lines as one column of text: the name should not promise a table.
      if (/\.(csv|tsv|xlsx?|ods)$/i.test(options.out))
        throw invalid(`Cannot write --out ${options.out}: the export is JSON Lines; name the file .jsonl.`);
      assertWritableOutput(options.out);
      await withDatabase(global, async (handle) => {
        const entries = (
          await listAudit(
            await cliContext(handle, global),
            ZAuditExportQuery.parse({ ...(await filterOf(handle.db, options)), limit: options.limit }),
          )
        ).map(presentAuditEntry);
        writeOutput(
          options.out,
          entries.map((entry) => JSON.stringify(entry)).join("\n") + (entries.length ? "\n" : ""),
          "Nothing was written.",
        );
        process.stderr.write(`Wrote ${entries.length} entries to ${options.out}\n`);
      });
    });
};
