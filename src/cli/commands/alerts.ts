import { type Command, Option } from "commander";
import { clearances } from "../../core/access/vocabulary.ts";
import { type AlertStep, alertStatuses, severities, type TAlert } from "../../core/alerts/alert.schemas.ts";
import {
  presentAlert,
  presentAlertDetail,
  presentAlertRule,
  presentDesk,
} from "../../http/presenters/alert.presenter.ts";
import { advanceAlert } from "../../services/alerts/advance-alert.ts";
import { createAlertRule } from "../../services/alerts/create-alert-rule.ts";
import { deleteAlertRule } from "../../services/alerts/delete-alert-rule.ts";
import { escalateOverdueAlerts } from "../../services/alerts/escalate-overdue-alerts.ts";
import { evaluateAlertRules } from "../../services/alerts/evaluate-alert-rules.ts";
import { listAlertRules } from "../../services/alerts/list-alert-rules.ts";
import { listDesks } from "../../services/alerts/list-desks.ts";
import { raiseAlert } from "../../services/alerts/raise-alert.ts";
import { getAlert, listAlerts } from "../../services/alerts/read-alerts.ts";
import { setDesk } from "../../services/alerts/set-desk.ts";
import { updateAlertRule } from "../../services/alerts/update-alert-rule.ts";
import { orgIdBySlug } from "../../services/organisations/org-id-by-slug.ts";
import { userIdByEmail } from "../../services/users/user-id-by-email.ts";
import { readInputJson } from "../input-files.ts";
import { asCliUser, optionsNamingFields, printOne, printRows } from "../runtime.ts";

const row = (alert: TAlert) => ({
  id: alert.id,
  iso3: alert.iso3,
  severity: alert.severity,
  status: alert.status,
  owner: alert.owner.name ? `${alert.owner.name} (${alert.owner.orgName})` : alert.owner.orgName,
  deadline: alert.deadline,
  overdue: alert.overdue ? "OVERDUE" : "",
  summary: alert.summary,
});

export const registerAlerts = (program: Command): void => {
  const alerts = program
    .command("alerts")
    .description("alerts: inbox, lifecycle, rules, desks and escalation");

  alerts
    .command("list")
    .description("list alerts (JSON: iso3, severity, status, owner, deadline, …)")
    .option("--mine", "alerts I own")
    .option("--desk", "alerts my organisation's desk owns")
    .option("--overdue", "undecided alerts past their deadline")
    .addOption(
      new Option("--status <status>", "one stage, or open (not closed)").choices([...alertStatuses, "open"]),
    )
    .option("--iso3 <code>", "one country")
    .action(
      async (
        options: { mine?: boolean; desk?: boolean; overdue?: boolean; status?: string; iso3?: string },
        command: Command,
      ) =>
        asCliUser(command, async (ctx, global) => {
          const scope = options.overdue ? "overdue" : options.mine ? "mine" : options.desk ? "desk" : "all";
          const list = (
            await listAlerts(ctx, { scope, status: options.status as never, iso3: options.iso3 })
          ).map(presentAlert);
          if (global.json) printRows(global, list, []);
          else
            printRows(global, list.map(row), [
              "id",
              "iso3",
              "severity",
              "status",
              "owner",
              "deadline",
              "overdue",
              "summary",
            ]);
        }),
    );

  alerts
    .command("show <id>")
    .description("one alert with its timeline")
    .action(async (id: string, _options: unknown, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const alert = presentAlertDetail(await getAlert(ctx, id));
        const lines = [
          `${alert.iso3} · ${alert.severity} · ${alert.status}${alert.overdue ? " · OVERDUE" : ""} · deadline ${alert.deadline}`,
          alert.summary,
          `Owner: ${row(alert).owner}`,
          ...alert.timeline.map((e) => `  ${e.at}  ${e.kind.padEnd(12)} ${e.actor}  ${e.note}`),
        ];
        printOne(global, alert, lines.join("\n"));
      }),
    );

  alerts
    .command("raise")
    .description("raise an alert by hand (merged into an open one only when --cause names the same cause)")
    .requiredOption("--iso3 <code>", "country")
    .addOption(new Option("--severity <level>", "how serious").choices(severities).makeOptionMandatory())
    .requiredOption("--summary <text>", "what is happening")
    .option("--cause <cause>", "what it is about, e.g. election_violence: repeats with the same cause merge")
    .addOption(
      new Option("--clearance <level>", "who may read it besides the desk (default restricted)").choices(
        clearances,
      ),
    )
    .action(
      async (
        options: { iso3: string; severity: string; summary: string; cause?: string; clearance?: string },
        command: Command,
      ) =>
        asCliUser(command, async (ctx, global) => {
          const outcome = await raiseAlert(ctx, {
            iso3: options.iso3.toUpperCase(),
            severity: options.severity as never,
            summary: options.summary,
            ...(options.cause ? { cause: options.cause } : {}),
            ...(options.clearance ? { clearance: options.clearance as never } : {}),
          });
          const alert = presentAlert(outcome.alert);
          printOne(
            global,
            { merged: outcome.merged, alert },
            `${outcome.merged ? "Merged into" : "Raised"} alert ${alert.id} (${alert.iso3}, ${alert.severity}), owner ${row(alert).owner}, deadline ${alert.deadline}`,
          );
        }),
    );

  const step = (
    name: AlertStep,
    description: string,
    configure: (c: Command) => Command,
    input: (o: Record<string, unknown>) => unknown,
  ) =>
    configure(alerts.command(`${name} <id>`).description(description)).action(
      async (id: string, options: Record<string, unknown>, command: Command) =>
        asCliUser(command, async (ctx, global) => {
          const alert = presentAlert(await advanceAlert(ctx, id, name, input(options) as never));
          printOne(global, alert, `Alert ${alert.id} (${alert.iso3}): status ${alert.status}.`);
        }),
    );
  step(
    "acknowledge",
    "acknowledge an alert",
    (c) => c.option("--note <text>", "note"),
    (o) => ({ note: o.note ?? "" }),
  );
  step(
    "assess",
    "record the assessment",
    (c) => c.requiredOption("--assessment <text>", "assessment"),
    (o) => ({ assessment: o.assessment }),
  );
  step(
    "decide",
    "record the decision: options considered, decision, rationale",
    (c) =>
      c
        .requiredOption(
          "--option <text>",
          "an option considered (repeat)",
          (v: string, all: string[] = []) => [...all, v],
        )
        .requiredOption("--decision <text>", "the decision")
        .requiredOption("--rationale <text>", "why"),
    (o) => ({ options: o.option, decision: o.decision, rationale: o.rationale }),
  );
  step(
    "act",
    "record that action is under way",
    (c) => c.requiredOption("--note <text>", "what is being done"),
    (o) => ({ note: o.note }),
  );
  step(
    "close",
    "close with an outcome",
    (c) => c.requiredOption("--outcome <text>", "outcome"),
    (o) => ({ outcome: o.outcome }),
  );

  alerts
    .command("evaluate")
    .description("evaluate the alert rules now (idempotent; the server does this periodically)")
    .action(async (_options: unknown, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const report = await evaluateAlertRules(ctx, { now: ctx.now() });
        printOne(
          global,
          report,
          `${report.rules} rules: ${report.raised} alerts raised, ${report.merged} merged, ${report.alreadyRaised} already raised.`,
        );
      }),
    );

  alerts
    .command("escalate")
    .description("escalate overdue alerts now (the server does this periodically)")
    .action(async (_options: unknown, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const report = await escalateOverdueAlerts(ctx, { now: ctx.now() });
        const { escalations: done, unreadable } = report;
        const shown = unreadable > 0 ? `, ${unreadable} of them alerts you may not read (not listed)` : "";
        const lines = done.map((e) => `\n  ${e.iso3} ${e.alertId}: level ${e.fromLevel} → ${e.toLevel}`);
        printOne(global, report, `${done.length + unreadable} alerts escalated${shown}.${lines.join("")}`);
      }),
    );

  const rules = alerts.command("rules").description("alert rules (stored as data)");
  rules
    .command("list")
    .description("list rules")
    .action(async (_options: unknown, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const list = (await listAlertRules(ctx)).map(presentAlertRule);
        if (global.json) printRows(global, list, []);
        else
          printRows(
            global,
            list.map((r) => ({ ...r, definition: JSON.stringify(r.definition) })),
            ["id", "name", "enabled", "severity", "definition"],
          );
      }),
    );
  rules
    .command("add <file>")
    .description('add a rule from a JSON file: {"name","severity","definition":{"kind",…}}')
    .action(async (file: string, _options: unknown, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const rule = presentAlertRule(
          await createAlertRule(ctx, readInputJson(file) as Parameters<typeof createAlertRule>[1]),
        );
        printOne(global, rule, `Added rule ${rule.name} (${rule.id}).`);
      }),
    );
  rules
    .command("update <id> <file>")
    .description("change a rule from a JSON file with the fields to change")
    .action(async (id: string, file: string, _options: unknown, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const rule = presentAlertRule(await updateAlertRule(ctx, id, readInputJson(file)));
        printOne(global, rule, `Changed rule ${rule.name}.`);
      }),
    );
  rules
    .command("remove <id>")
    .description("delete a rule")
    .action(async (id: string, _options: unknown, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        await deleteAlertRule(ctx, id);
        printOne(global, { deleted: id }, `Deleted rule ${id}.`);
      }),
    );

  const desks = alerts.command("desks").description("who owns each country's alerts");
  desks
    .command("list")
    .description("list desk assignments ('*' is the default desk)")
    .action(async (_options: unknown, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const list = (await listDesks(ctx)).map(presentDesk);
        if (global.json) printRows(global, list, []);
        else
          printRows(
            global,
            list.map((d) => ({
              iso3: d.iso3,
              organisation: d.org.name,
              person: d.person?.email ?? "",
              supervisor: d.escalationPerson?.email ?? "",
            })),
            ["iso3", "organisation", "person", "supervisor"],
          );
      }),
    );
  optionsNamingFields(
    desks
      .command("set <iso3>")
      .description("assign a country's desk (or '*' for the default desk)")
      .requiredOption("--org <slug>", "owning organisation")
      .option("--person <email>", "desk officer")
      .option("--supervisor <email>", "who overdue alerts escalate to")
      .action(
        async (
          iso3: string,
          options: { org: string; person?: string; supervisor?: string },
          command: Command,
        ) =>
          asCliUser(command, async (ctx, global) => {
            const idOf = async (email: string | undefined) => (email ? userIdByEmail(ctx.db, email) : null);
            await setDesk(ctx, {
              iso3: iso3 === "*" ? "*" : iso3.toUpperCase(),
              orgId: await orgIdBySlug(ctx.db, options.org),
              userId: await idOf(options.person),
              escalationUserId: await idOf(options.supervisor),
            });
            printOne(
              global,
              { iso3, org: options.org },
              `Desk ${iso3} → ${options.org}${options.person ? `, ${options.person}` : ""}.`,
            );
          }),
      ),
    { userId: "person", escalationUserId: "supervisor" },
  );
};
