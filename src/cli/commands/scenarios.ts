import { type Command, Option } from "commander";
import { clearances } from "../../core/access/vocabulary.ts";
import { presentPlan, presentScenario } from "../../http/presenters/scenario.presenter.ts";
import { shareRecord } from "../../services/access/share-record.ts";
import { orgIdBySlug } from "../../services/organisations/org-id-by-slug.ts";
import { createPlan } from "../../services/scenarios/create-plan.ts";
import { createScenario } from "../../services/scenarios/create-scenario.ts";
import { listPlans, listScenarios } from "../../services/scenarios/read-scenarios.ts";
import { asCliUser, collect, printOne, printRows } from "../runtime.ts";

export const registerScenarios = (program: Command): void => {
  const scenarios = program
    .command("scenarios")
    .description("scenarios and contingency plans (confidential by default)");

  scenarios
    .command("list")
    .description("scenarios you are cleared to read")
    .option("--iso3 <code>", "one country")
    .option("--search <text>", "search titles and narratives")
    .action(async (options: { iso3?: string; search?: string }, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const list = (
          await listScenarios(ctx, { iso3: options.iso3?.toUpperCase(), search: options.search })
        ).map(presentScenario);
        printRows(global, list, ["id", "iso3", "clearance", "likelihood", "impact", "title"]);
      }),
    );

  scenarios
    .command("add")
    .description("write a scenario")
    .requiredOption("--iso3 <code>", "country")
    .requiredOption("--title <text>", "title")
    .requiredOption("--likelihood <level>", "unlikely | possible | likely | very_likely")
    .requiredOption("--impact <level>", "limited | moderate | major | catastrophic")
    .option("--narrative <text>", "narrative", "")
    .option("--trigger <text>", "a trigger (repeat)", collect)
    .option("--watch <text>", "an indicator to watch (repeat)", collect)
    .addOption(
      new Option("--clearance <level>", "who may read it").choices(clearances).default("confidential"),
    )
    .action(
      async (
        options: {
          iso3: string;
          title: string;
          likelihood: string;
          impact: string;
          narrative: string;
          trigger?: string[];
          watch?: string[];
          clearance: string;
        },
        command: Command,
      ) =>
        asCliUser(command, async (ctx, global) => {
          const scenario = presentScenario(
            await createScenario(ctx, {
              iso3: options.iso3.toUpperCase(),
              title: options.title,
              likelihood: options.likelihood as never,
              impact: options.impact as never,
              narrative: options.narrative,
              triggers: options.trigger ?? [],
              indicatorsToWatch: options.watch ?? [],
              clearance: options.clearance as never,
            }),
          );
          printOne(global, scenario, `Scenario ${scenario.id} (${scenario.clearance}).`);
        }),
    );

  scenarios
    .command("share <id>")
    .description("share a scenario with organisations (replaces the list; none = unshare)")
    .option("--org <slug>", "organisation (repeat)", collect)
    .option("--plan", "the id is a contingency plan")
    .action(async (id: string, options: { org?: string[]; plan?: boolean }, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const orgIds: string[] = [];
        for (const slug of options.org ?? []) orgIds.push(await orgIdBySlug(ctx.db, slug));
        const sharedWith = await shareRecord(
          ctx,
          options.plan ? "contingency_plans" : "scenarios",
          id,
          orgIds,
          "scenario.write",
        );
        printOne(
          global,
          { sharedWith },
          `Shared with ${sharedWith.length} organisation${sharedWith.length === 1 ? "" : "s"}.`,
        );
      }),
    );

  const plans = scenarios.command("plans").description("contingency plans");
  plans
    .command("list")
    .description("contingency plans you are cleared to read")
    .option("--iso3 <code>", "one country")
    .action(async (options: { iso3?: string }, command: Command) =>
      asCliUser(command, async (ctx, global) =>
        printRows(global, (await listPlans(ctx, { iso3: options.iso3?.toUpperCase() })).map(presentPlan), [
          "id",
          "iso3",
          "clearance",
          "title",
        ]),
      ),
    );
  plans
    .command("add")
    .description("write a contingency plan")
    .requiredOption("--iso3 <code>", "country")
    .requiredOption("--title <text>", "title")
    .option("--scenario <id>", "the scenario it answers")
    .option("--objective <text>", "objective", "")
    .option("--activation <text>", "when it is activated", "")
    .option("--action <actor:action>", "an action with its actor, e.g. 'DPPA:deploy envoy' (repeat)", collect)
    .addOption(
      new Option("--clearance <level>", "who may read it").choices(clearances).default("confidential"),
    )
    .action(
      async (
        options: {
          iso3: string;
          title: string;
          scenario?: string;
          objective: string;
          activation: string;
          action?: string[];
          clearance: string;
        },
        command: Command,
      ) =>
        asCliUser(command, async (ctx, global) => {
          const plan = presentPlan(
            await createPlan(ctx, {
              iso3: options.iso3.toUpperCase(),
              title: options.title,
              scenarioId: options.scenario ?? null,
              objective: options.objective,
              activation: options.activation,
              actions: (options.action ?? []).map((text) => {
                const at = text.indexOf(":");
                return {
                  actor: at > 0 ? text.slice(0, at) : "unassigned",
                  action: at > 0 ? text.slice(at + 1) : text,
                  timeline: "",
                };
              }),
              clearance: options.clearance as never,
            }),
          );
          printOne(global, plan, `Contingency plan ${plan.id} (${plan.clearance}).`);
        }),
    );
};
