import { type Command, Option } from "commander";
import { clearances } from "../../core/access/vocabulary.ts";
import { parseMonth } from "../../core/data/dates.ts";
import { invalid } from "../../core/shared/errors.ts";
import { reportChannels, reportStatuses, type TQueueQuery } from "../../core/voices/report.schemas.ts";
import {
  gridSignalsFile,
  presentReport,
  presentReportDetail,
  presentSurge,
} from "../../http/presenters/voices.presenter.ts";
import { userIdByEmail } from "../../services/users/user-id-by-email.ts";
import { ensureGazetteer } from "../../services/voices/build-gazetteer.ts";
import { evaluateCountrySurge } from "../../services/voices/evaluate-surge.ts";
import { getReport } from "../../services/voices/get-report.ts";
import { listReports } from "../../services/voices/list-reports.ts";
import { readReceipt } from "../../services/voices/read-receipt.ts";
import { redactReport } from "../../services/voices/redact-report.ts";
import { replyToReporter } from "../../services/voices/reply-to-reporter.ts";
import { gridSignals, reportSignals } from "../../services/voices/report-signals.ts";
import { revealReport } from "../../services/voices/reveal-report.ts";
import { submitReport } from "../../services/voices/submit-report.ts";
import { triageReport } from "../../services/voices/triage-report.ts";
import { intakeContextOf, receivingOrganisation } from "../../services/voices/voices-context.ts";
import { cliContext, numberOption, printOne, printRows } from "../runtime.ts";
import { voices } from "./voices-command.ts";
import { registerVoicesIntake } from "./voices-intake.ts";
import { registerVoicesKeys } from "./voices-keys.ts";

type ListOptions = Record<string, string | boolean | undefined> & { limit: number; offset: number };

/** Which of the queue's reports a page holds: "51–100 of 312 reports". */
const shownOf = (offset: number, shown: number, total: number): string =>
  shown === 0 ? `none of ${total} reports` : `${offset + 1}–${offset + shown} of ${total} reports`;

export const registerVoices = (program: Command): void => {
  const group = program
    .command("voices")
    .description("community and civil-society reports: intake, triage, imports, protection, signals");

  group
    .command("list")
    .description("the triage queue, newest first")
    .addOption(new Option("--status <status>", "triage status").choices(reportStatuses))
    .option("--category <code>", "a category code, e.g. armed_violence")
    .option("--iso3 <code>", "a country")
    .addOption(new Option("--channel <channel>", "how reports came in").choices(reportChannels))
    .option("--mine", "only reports assigned to me")
    .option("--limit <n>", "at most this many", numberOption("limit", { min: 1, max: 1000 }), 50)
    .option("--offset <n>", "skip this many first (the next page)", numberOption("offset", { min: 0 }), 0)
    .action(async (options: ListOptions, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const ctx = await cliContext(handle, global);
        const query: Partial<TQueueQuery> = {
          limit: options.limit,
          offset: options.offset,
          ...(options.status ? { status: options.status as TQueueQuery["status"] } : {}),
          ...(options.category ? { category: String(options.category) } : {}),
          ...(options.iso3 ? { iso3: String(options.iso3) } : {}),
          ...(options.channel ? { channel: options.channel as TQueueQuery["channel"] } : {}),
          ...(options.mine ? { assignedTo: "me" as const } : {}),
        };
        const listed = await listReports(ctx, query);
        // The API's presenter: other organisations see a shared or public report coarsened, without triage.
        const reports = listed.reports.map((r) => presentReport(r, ctx.actor));
        const total = listed.total;
        const rows = reports.map((r) => ({
          id: r.id,
          submitted: r.submittedAt.slice(0, 16).replace("T", " "),
          channel: r.channel,
          status: r.status,
          category: r.category,
          iso3: r.iso3,
          place: r.adm2 ?? r.adm1 ?? r.place,
          date: r.date,
          duplicate: r.possibleDuplicateOf
            ? `~${r.possibleDuplicateOf.slice(0, 8)} (${r.duplicateScore})`
            : "",
          text: (r.summary ?? r.description).replace(/\s+/g, " ").slice(0, 60),
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
        if (!global.json) process.stderr.write(`${shownOf(options.offset, reports.length, total)}\n`);
      }),
    );

  group
    .command("show <id>")
    .description("one report with its notes and replies")
    .action(async (id: string, _options: unknown, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const ctx = await cliContext(handle, global);
        const report = presentReportDetail(await getReport(ctx, id), ctx.actor);
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      }),
    );

  group
    .command("submit")
    .description(
      "submit a report: as the public would (to the receiving organisation), or with --as for the person's own organisation, under their name",
    )
    .requiredOption("--category <code>", "category code")
    .requiredOption("--description <text>", "what happened")
    .option("--date <yyyy-mm-dd>", "when (default today)")
    .option("--iso3 <code>", "country")
    .option("--place <name>", "place name")
    .option("--lat <latitude>", "latitude", numberOption("lat", { whole: false }))
    .option("--lon <longitude>", "longitude", numberOption("lon", { whole: false }))
    .action(async (options: Record<string, string | number | undefined>, command: Command) =>
      voices(command, async ({ handle, deps, global }) => {
        await ensureGazetteer(handle.db);
        // A monitor entering a report they took down (a call, a paper form) files it with their organisation.
        const person = global.as ? await cliContext(handle, global) : null;
        const ownerOrgId = person?.actor.orgId ?? (await receivingOrganisation(handle.db, deps.settings));
        const result = await submitReport(
          person
            ? intakeContextOf(person)
            : { db: handle.db, now: () => new Date(), via: "cli", label: "public:cli" },
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
        const receivedBy = person
          ? `the organisation of ${person.actor.email}`
          : `the receiving organisation "${deps.settings.receivingOrg}"`;
        printOne(
          global,
          { receipt: result.receipt, id: result.id, ownerOrgId },
          `Receipt ${result.receipt} (report ${result.id}), received by ${receivedBy}`,
        );
      }),
    );

  group
    .command("status <receipt>")
    .description("what a reporter sees with their receipt code")
    .action(async (receipt: string, _options: unknown, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const status = await readReceipt(handle.db, receipt, { online: false });
        printOne(global, status, `${status.status}${status.reply ? ` — reply: ${status.reply}` : ""}`);
      }),
    );

  group
    .command("triage <id>")
    .description("set status, duplicate, category, assignment or clearance; add a note")
    .addOption(new Option("--status <status>", "triage status").choices(reportStatuses))
    .option("--duplicate-of <id>", "the original, with --status duplicate")
    .option("--category <code>", "category code")
    .option("--assign <email>", "assign to a member of the receiving organisation ('none' to clear)")
    .addOption(new Option("--clearance <level>", "who may read it").choices(clearances))
    .option("--note <text>", "a triage note")
    .action(async (id: string, options: Record<string, string | undefined>, command: Command) =>
      voices(command, async ({ handle, deps, global }) => {
        const ctx = await cliContext(handle, global);
        let assignedTo: string | null | undefined;
        if (options.assign === "none") assignedTo = null;
        else if (options.assign) {
          assignedTo = await userIdByEmail(handle.db, options.assign);
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
            surge: surge ? presentSurge(surge, deps.settings.minCellCount) : null,
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
          process.stdout.write(
            gridSignalsFile(await gridSignals(handle.db, filter, config.voices.minCellCount)).body,
          );
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
      voices(command, async ({ handle, deps, global }) => {
        const month = parseMonth(options.month);
        if (!month) throw invalid("invalid input", [{ field: "--month", message: "a month as YYYY-MM" }]);
        const k = deps.settings.minCellCount;
        const outcome = presentSurge(
          await evaluateCountrySurge(
            await cliContext(handle, global),
            options.iso3.toUpperCase(),
            `${month}-01`,
          ),
          k,
        );
        const count = outcome.count === null ? `fewer than ${k}` : String(outcome.count);
        const baseline = outcome.baseline === null ? "withheld" : outcome.baseline.toFixed(1);
        printOne(
          global,
          outcome,
          `${outcome.iso3} ${month}: ${count} verified reports, baseline ${baseline} — ${outcome.surge ? `surge (${outcome.severity}); alert ${outcome.alert}` : "no surge"}`,
        );
      }),
    );

  registerVoicesIntake(group);
  registerVoicesKeys(group);
};
