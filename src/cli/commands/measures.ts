import type { Command } from "commander";
import { computeMeasures } from "../../services/measures/compute-measures.ts";
import { cliContext, globalOptions, printOne, printRows, withDatabase } from "../runtime.ts";

export const registerMeasures = (program: Command): void => {
  program
    .command("measures")
    .description(
      "time from alert to acknowledgement, decision and action; recommendation implementation rates",
    )
    .option("--since <iso-datetime>", "only alerts raised since")
    .action(async (options: { since?: string }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const measures = await computeMeasures(await cliContext(handle, global), {
          since: options.since ? new Date(options.since) : undefined,
        });
        if (global.json) return printOne(global, measures, "");
        printRows(
          global,
          measures.alerts.map((m) => ({
            desk: m.deskPerson ? `${m.deskPerson} (${m.deskOrg})` : m.deskOrg,
            severity: m.severity,
            alerts: m.alerts,
            ackHours: m.toAcknowledgement.medianHours,
            decisionHours: m.toDecision.medianHours,
            actionHours: m.toAction.medianHours,
            inDeadline: m.shareDecidedWithinDeadline,
          })),
          ["desk", "severity", "alerts", "ackHours", "decisionHours", "actionHours", "inDeadline"],
        );
        process.stdout.write("\n");
        const byCycle = measures.recommendations.map((r) => ({ ...r, cycle: r.cycle ?? "(no cycle)" }));
        printRows(global, byCycle, [
          "cycle",
          "recommendations",
          "supported",
          "noted",
          "followedUp",
          "full",
          "partial",
          "fullRate",
          "partialOrFullRate",
        ]);
      });
    });
};
