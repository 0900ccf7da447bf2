import { readFileSync } from "node:fs";
import type { Command } from "commander";
import Papa from "papaparse";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { DomainError, invalid } from "../../core/shared/errors.ts";
import type { TQueueQuery } from "../../core/voices/report.schemas.ts";
import type { DatabaseHandle } from "../../db/engine.ts";
import { findUserByEmail } from "../../repositories/users.repository.ts";
import {
  DEV_KEY_FILE,
  forgetDevPreviousKey,
  generateMasterKey,
  loadKeyring,
  makeKeyring,
  readDevPreviousKey,
  replaceDevKey,
} from "../../repositories/voices/envelope.ts";
import { formatOf } from "../../repositories/voices/submission-files.ts";
import { buildGazetteer, ensureGazetteer } from "../../services/voices/build-gazetteer.ts";
import { evaluateCountrySurge } from "../../services/voices/evaluate-surge.ts";
import { getReport } from "../../services/voices/get-report.ts";
import {
  type ImportSummary,
  importFormSubmissions,
  importUshahidi,
} from "../../services/voices/import-submissions.ts";
import { listReports } from "../../services/voices/list-reports.ts";
import { readReceipt } from "../../services/voices/read-receipt.ts";
import { redactReport } from "../../services/voices/redact-report.ts";
import { replyToReporter } from "../../services/voices/reply-to-reporter.ts";
import { reportSignals, signalsCsv } from "../../services/voices/report-signals.ts";
import { revealReport } from "../../services/voices/reveal-report.ts";
import { rotateKey } from "../../services/voices/rotate-key.ts";
import { draftMapping, listForms, saveForm } from "../../services/voices/save-form.ts";
import { submitReport } from "../../services/voices/submit-report.ts";
import { triageReport } from "../../services/voices/triage-report.ts";
import { receivingOrganisation, type VoicesDeps } from "../../services/voices/voices-context.ts";
import {
  cliContext,
  type GlobalOptions,
  globalOptions,
  printOne,
  printRows,
  withDatabase,
} from "../runtime.ts";

const depsOf = (config: Config): VoicesDeps => ({
  keyring: loadKeyring(config.voices, config.dataDir).keyring,
  settings: config.voices,
});

const readText = (file: string): string => {
  try {
    return new TextDecoder("utf-8", { fatal: false }).decode(readFileSync(file));
  } catch (error) {
    throw new DomainError("not_found", `Cannot read ${file}: ${(error as Error).message}`);
  }
};

const readCsvObjects = (file: string) =>
  Papa.parse<Record<string, string>>(readText(file).replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;

/** Runs a voices command with the database, the keyring and the acting person. */
const voices = <T>(
  command: Command,
  work: (args: {
    handle: DatabaseHandle;
    config: Config;
    deps: VoicesDeps;
    global: GlobalOptions;
  }) => Promise<T>,
) => {
  const global = globalOptions(command);
  return withDatabase(global, async (handle, config) =>
    work({ handle, config, deps: depsOf(config), global }),
  );
};

const printImport = (global: GlobalOptions, summary: ImportSummary, what: string) =>
  printOne(
    global,
    summary,
    [
      `${what}: ${summary.rows} rows, ${summary.created} reports stored, ${summary.alreadyStored} already stored, ${summary.skipped.length} skipped.`,
      ...summary.skipped.slice(0, 20).map((s) => `  row ${s.row}: ${s.problems.join("; ")}`),
    ].join("\n"),
  );

export const registerVoices = (program: Command): void => {
  const group = program
    .command("voices")
    .description("community and civil-society reports: intake, triage, imports, protection, signals");

  group
    .command("list")
    .description("the triage queue, newest first")
    .option("--status <status>", "new | verified | unverified | false | duplicate")
    .option("--category <code>", "a category code, e.g. armed_violence")
    .option("--iso3 <code>", "a country")
    .option("--channel <channel>", "web | api | sms | kobo | ushahidi | feed")
    .option("--mine", "only reports assigned to me")
    .option("--limit <n>", "at most this many (default 50)")
    .action(async (options: Record<string, string | boolean | undefined>, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const ctx = await cliContext(handle, global);
        const query: Partial<TQueueQuery> = {
          limit: Number(options.limit ?? 50),
          ...(options.status ? { status: options.status as TQueueQuery["status"] } : {}),
          ...(options.category ? { category: String(options.category) } : {}),
          ...(options.iso3 ? { iso3: String(options.iso3) } : {}),
          ...(options.channel ? { channel: options.channel as TQueueQuery["channel"] } : {}),
          ...(options.mine ? { assignedTo: "me" as const } : {}),
        };
        const { reports, total } = await listReports(ctx, query);
        const rows = reports.map((r) => ({
          id: r.id,
          submitted: r.submittedAt.toISOString().slice(0, 16).replace("T", " "),
          channel: r.channel,
          status: r.status,
          category: r.category,
          iso3: r.iso3,
          place: r.adm2 ?? r.adm1 ?? r.place,
          date: r.date,
          duplicate: r.possibleDuplicateOf
            ? `~${r.possibleDuplicateOf.slice(0, 8)} (${r.duplicateScore})`
            : "",
          text: r.description.replace(/\s+/g, " ").slice(0, 60),
        }));
        printRows(global, rows, [
          "id",
          "submitted",
          "channel",
          "status",
          "category",
          "iso3",
          "place",
          "date",
          "duplicate",
          "text",
        ]);
        if (!global.json) process.stderr.write(`${reports.length} of ${total} reports\n`);
      }),
    );

  group
    .command("show <id>")
    .description("one report with its notes and replies")
    .action(async (id: string, _options: unknown, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const report = await getReport(await cliContext(handle, global), id);
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      }),
    );

  group
    .command("submit")
    .description("submit a report as the public would (to the receiving organisation)")
    .requiredOption("--category <code>", "category code")
    .requiredOption("--description <text>", "what happened")
    .option("--date <yyyy-mm-dd>", "when (default today)")
    .option("--iso3 <code>", "country")
    .option("--place <name>", "place name")
    .option("--lat <latitude>", "latitude", Number)
    .option("--lon <longitude>", "longitude", Number)
    .action(async (options: Record<string, string | number | undefined>, command: Command) =>
      voices(command, async ({ handle, deps, global }) => {
        await ensureGazetteer(handle.db);
        const ownerOrgId = await receivingOrganisation(handle.db, deps.settings);
        const result = await submitReport(
          { db: handle.db, now: () => new Date(), via: "cli", label: "public:cli" },
          deps,
          {
            category: options.category,
            description: options.description,
            date: options.date ?? new Date().toISOString().slice(0, 10),
            ...(options.iso3 ? { iso3: options.iso3 } : {}),
            ...(options.place ? { place: options.place } : {}),
            ...(options.lat !== undefined ? { latitude: options.lat } : {}),
            ...(options.lon !== undefined ? { longitude: options.lon } : {}),
          },
          { channel: "api", ownerOrgId },
        );
        printOne(
          global,
          { receipt: result.receipt, id: result.id },
          `Receipt ${result.receipt} (report ${result.id})`,
        );
      }),
    );

  group
    .command("status <receipt>")
    .description("what a reporter sees with their receipt code")
    .action(async (receipt: string, _options: unknown, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const status = await readReceipt(handle.db, receipt);
        printOne(global, status, `${status.status}${status.reply ? ` — reply: ${status.reply}` : ""}`);
      }),
    );

  group
    .command("triage <id>")
    .description("set status, duplicate, category, assignment or clearance; add a note")
    .option("--status <status>", "new | verified | unverified | false | duplicate")
    .option("--duplicate-of <id>", "the original, with --status duplicate")
    .option("--category <code>", "category code")
    .option("--assign <email>", "assign to a member of the receiving organisation ('none' to clear)")
    .option("--clearance <level>", "public | restricted | confidential")
    .option("--note <text>", "a triage note")
    .action(async (id: string, options: Record<string, string | undefined>, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const ctx = await cliContext(handle, global);
        let assignedTo: string | null | undefined;
        if (options.assign === "none") assignedTo = null;
        else if (options.assign) {
          const user = await findUserByEmail(handle.db, options.assign.toLowerCase());
          if (!user) throw new DomainError("not_found", `No user ${options.assign}.`);
          assignedTo = user.id;
        }
        const { report, newlyVerified } = await triageReport(ctx, id, {
          ...(options.status ? { status: options.status as "new" } : {}),
          ...(options.duplicateOf ? { duplicateOf: options.duplicateOf } : {}),
          ...(options.category ? { category: options.category } : {}),
          ...(assignedTo !== undefined ? { assignedTo } : {}),
          ...(options.clearance ? { clearance: options.clearance as "restricted" } : {}),
          ...(options.note ? { note: options.note } : {}),
        });
        const surge =
          newlyVerified && report.iso3
            ? await evaluateCountrySurge(ctx, report.iso3, report.date)
            : undefined;
        printOne(
          global,
          {
            id: report.id,
            status: report.status,
            category: report.category,
            assignedTo: report.assignedTo,
            surge: surge ?? null,
          },
          `Report ${report.id}: ${report.status}, ${report.category}${surge?.surge ? ` — surge in ${surge.iso3} (alert: ${surge.alert})` : ""}`,
        );
      }),
    );

  group
    .command("reply <id> <text>")
    .description("reply to the reporter through the report's channel (receipt page or SMS)")
    .action(async (id: string, text: string, _options: unknown, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const reply = await replyToReporter(await cliContext(handle, global), id, { body: text });
        printOne(global, reply, `Reply ${reply.id}: ${reply.channel} (${reply.delivery})`);
      }),
    );

  group
    .command("reveal <id>")
    .description("reveal the reporter's contact and original text (confidential clearance; audit-logged)")
    .requiredOption("--reason <text>", "why (recorded in the audit log)")
    .action(async (id: string, options: { reason: string }, command: Command) =>
      voices(command, async ({ handle, deps, global }) => {
        const revealed = await revealReport(await cliContext(handle, global), deps, id, options.reason);
        printOne(
          global,
          revealed,
          [
            `Name:  ${revealed.contact.name ?? "—"}`,
            `Phone: ${revealed.contact.phone ?? "—"}`,
            `Email: ${revealed.contact.email ?? "—"}`,
            `Original text:\n${revealed.originalDescription}`,
          ].join("\n"),
        );
      }),
    );

  group
    .command("redact <id>")
    .description("replace the report's working text (the original stays sealed)")
    .requiredOption("--text <text>", "the redacted text")
    .action(async (id: string, options: { text: string }, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const report = await redactReport(await cliContext(handle, global), id, {
          description: options.text,
        });
        printOne(global, { id: report.id, redacted: report.redacted }, `Report ${report.id} redacted.`);
      }),
    );

  const forms = group
    .command("forms")
    .description("import forms (KoboToolbox, ODK, mapped feeds) and their column mappings");

  forms
    .command("list")
    .description("forms of your organisation")
    .action(async (_options: unknown, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const rows = (await listForms(await cliContext(handle, global))).map((f) => ({
          id: f.id,
          title: f.title,
          kind: f.kind,
          clearance: f.clearance,
          updated: f.updatedAt.toISOString(),
        }));
        printRows(global, rows, ["id", "title", "kind", "clearance", "updated"]);
      }),
    );

  forms
    .command("save <file>")
    .description('save a form from JSON: {"id","title","kind","clearance","mapping"}')
    .action(async (file: string, _options: unknown, command: Command) =>
      voices(command, async ({ handle, global }) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(readText(file));
        } catch (error) {
          throw invalid(`${file} is not JSON: ${(error as Error).message}`);
        }
        const form = await saveForm(
          await cliContext(handle, global),
          parsed as Parameters<typeof saveForm>[1],
        );
        printOne(global, form, `Saved form ${form.id} (${form.kind}).`);
      }),
    );

  forms
    .command("draft")
    .description(
      "draft a form's mapping from an XLSForm (survey and choices sheets as CSV); --save stores it",
    )
    .requiredOption("--id <id>", "the form id (as in KoboToolbox)")
    .requiredOption("--survey <file>", "the survey sheet as CSV")
    .requiredOption("--choices <file>", "the choices sheet as CSV")
    .option("--title <title>", "form title")
    .option("--iso3 <code>", "every submission is from this country")
    .option("--category <code>", "category of every submission (default other)")
    .option("--save", "save the drafted form")
    .action(async (options: Record<string, string | boolean | undefined>, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const mapping = draftMapping(
          readCsvObjects(String(options.survey)),
          readCsvObjects(String(options.choices)),
          {
            ...(options.iso3 ? { iso3: String(options.iso3) } : {}),
            ...(options.category ? { category: String(options.category) } : {}),
          },
        );
        const form = {
          id: String(options.id),
          title: String(options.title ?? options.id),
          kind: "kobo" as const,
          mapping,
        };
        if (!options.save) {
          process.stdout.write(`${JSON.stringify(form, null, 2)}\n`);
          return;
        }
        const saved = await saveForm(await cliContext(handle, global), form);
        printOne(
          global,
          saved,
          `Saved form ${saved.id}: date ${String(mapping.date ?? "—")}, location ${mapping.geopoint ?? "—"}, ${mapping.description.length} text questions, contact ${Object.values(mapping.contact).join(", ") || "—"} (sealed).`,
        );
      }),
    );

  group
    .command("import-kobo <file>")
    .description("import a KoboToolbox/ODK submission export (CSV or JSON) through a saved form mapping")
    .requiredOption("--form <id>", "the form whose mapping to use")
    .option("--skip-invalid", "store the valid rows and list the others (default: refuse the file)")
    .action(async (file: string, options: { form: string; skipInvalid?: boolean }, command: Command) =>
      voices(command, async ({ handle, deps, global }) => {
        await ensureGazetteer(handle.db);
        const text = readText(file);
        const summary = await importFormSubmissions(await cliContext(handle, global), deps, {
          formId: options.form,
          text,
          format: formatOf(file, text),
          skipInvalid: options.skipInvalid ?? false,
        });
        printImport(global, summary, `Form ${options.form}`);
      }),
    );

  group
    .command("import-ushahidi <file>")
    .description("import an Ushahidi v2 CSV export")
    .option("--skip-invalid", "store the valid rows and list the others (default: refuse the file)")
    .action(async (file: string, options: { skipInvalid?: boolean }, command: Command) =>
      voices(command, async ({ handle, deps, global }) => {
        await ensureGazetteer(handle.db);
        const summary = await importUshahidi(await cliContext(handle, global), deps, {
          text: readText(file),
          skipInvalid: options.skipInvalid ?? false,
        });
        printImport(global, summary, "Ushahidi");
      }),
    );

  group
    .command("signals")
    .description("verified reports per country-month and grid-month (counts under k withheld)")
    .option("--iso3 <code>", "one country")
    .option("--from <yyyy-mm>", "first month")
    .option("--to <yyyy-mm>", "last month")
    .option("--csv", "the grid-month-category export as CSV")
    .action(async (options: Record<string, string | boolean | undefined>, command: Command) =>
      voices(command, async ({ handle, config, global }) => {
        await cliContext(handle, global);
        const filter = {
          iso3: options.iso3 ? String(options.iso3) : undefined,
          from: options.from ? `${String(options.from)}-01` : undefined,
          to: options.to ? `${String(options.to)}-01` : undefined,
        };
        if (options.csv) {
          process.stdout.write(await signalsCsv(handle.db, filter, config.voices.minCellCount));
          return;
        }
        const signals = await reportSignals(handle.db, filter, config.voices.minCellCount);
        if (global.json) process.stdout.write(`${JSON.stringify(signals, null, 2)}\n`);
        else printRows(global, signals.countryMonths, ["iso3", "month", "category", "count", "suppressed"]);
      }),
    );

  group
    .command("surge")
    .description("apply the surge rule to a country-month of verified reports (raises an alert on a surge)")
    .requiredOption("--iso3 <code>", "country")
    .requiredOption("--month <yyyy-mm>", "month")
    .action(async (options: { iso3: string; month: string }, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const month = z
          .string()
          .regex(/^\d{4}-\d{2}$/, "a month as YYYY-MM")
          .parse(options.month);
        const outcome = await evaluateCountrySurge(
          await cliContext(handle, global),
          options.iso3.toUpperCase(),
          `${month}-01`,
        );
        printOne(
          global,
          outcome,
          `${outcome.iso3} ${month}: ${outcome.count} verified reports, baseline ${outcome.baseline.toFixed(1)} — ${outcome.surge ? `surge (${outcome.severity}); alert ${outcome.alert}` : "no surge"}`,
        );
      }),
    );

  group
    .command("gazetteer")
    .description("rebuild the place-name gazetteer from the loaded events and registry")
    .action(async (_options: unknown, command: Command) =>
      voices(command, async ({ handle, global }) => {
        await cliContext(handle, global);
        const result = await buildGazetteer(handle.db);
        printOne(
          global,
          result,
          `Gazetteer: ${result.entries} names (${result.adminAreas} admin areas from events).`,
        );
      }),
    );

  group
    .command("generate-key")
    .description("print a new master key (base64 of 32 bytes) for CONTINUUM_VOICES_KEY")
    .action(() => {
      process.stdout.write(`${generateMasterKey()}\n`);
    });

  group
    .command("rotate-key")
    .description(
      "re-wrap every report's data key under the current master key (with CONTINUUM_VOICES_KEY: set the new key there and the old one in CONTINUUM_VOICES_PREVIOUS_KEYS first; without it: replaces the development key)",
    )
    .action(async (_options: unknown, command: Command) =>
      voices(command, async ({ handle, config, global }) => {
        const ctx = await cliContext(handle, global);
        if (config.voices.key) {
          const result = await rotateKey(ctx, makeKeyring(config.voices.key, config.voices.previousKeys));
          printOne(
            global,
            result,
            result.rewrapped
              ? `Re-wrapped ${result.rewrapped} data keys under key ${result.keyId}. The previous keys may now be removed from CONTINUUM_VOICES_PREVIOUS_KEYS.`
              : `Nothing to re-wrap: every data key is under key ${result.keyId}. To rotate, set CONTINUUM_VOICES_KEY to a new key (continuum voices generate-key) and CONTINUUM_VOICES_PREVIOUS_KEYS to the old one, then run this again.`,
          );
          return;
        }
        // Development key: finish an interrupted rotation first, then replace the key and re-wrap.
        let finished = 0;
        if (readDevPreviousKey(config.dataDir)) {
          finished = (await rotateKey(ctx, loadKeyring(config.voices, config.dataDir).keyring)).rewrapped;
          forgetDevPreviousKey(config.dataDir);
        }
        replaceDevKey(config.dataDir, generateMasterKey());
        const result = await rotateKey(ctx, loadKeyring(config.voices, config.dataDir).keyring);
        forgetDevPreviousKey(config.dataDir);
        printOne(
          global,
          { ...result, rewrapped: result.rewrapped + finished },
          `New development key in ${config.dataDir}/${DEV_KEY_FILE}; re-wrapped ${result.rewrapped + finished} data keys under key ${result.keyId}.`,
        );
      }),
    );
};
