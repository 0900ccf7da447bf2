import type { Command } from "commander";
import { presentFramework, presentFrameworkSummary } from "../../http/presenters/framework.presenter.ts";
import { createFramework } from "../../services/frameworks/create-framework.ts";
import { getFramework, listFrameworks } from "../../services/frameworks/read-frameworks.ts";
import { updateFramework } from "../../services/frameworks/update-framework.ts";
import { readInputJson } from "../input-files.ts";
import { cliContext, globalOptions, printOne, printRows, withDatabase } from "../runtime.ts";

export const registerFrameworks = (program: Command): void => {
  const frameworks = program
    .command("frameworks")
    .description("risk-factor frameworks (data, editable by administrators)");

  frameworks
    .command("list")
    .description("frameworks and versions")
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const list = (await listFrameworks(await cliContext(handle, global))).map(presentFrameworkSummary);
        printRows(global, list, ["id", "slug", "version", "isDefault", "factorCount", "title"]);
      });
    });

  frameworks
    .command("show <id>")
    .description(
      "one framework (id or 'default') with factors and indicators; --json for the editable document",
    )
    .action(async (id: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const framework = presentFramework(await getFramework(await cliContext(handle, global), id));
        const text = [
          `${framework.title} (${framework.slug} ${framework.version})${framework.isDefault ? " — default" : ""}`,
          ...framework.factors.flatMap((f) => [
            `${f.code}. ${f.name} [${f.category}]`,
            ...f.indicators.map((i) => `    ${i.code} ${i.text}`),
          ]),
        ].join("\n");
        printOne(global, framework, text);
      });
    });

  frameworks
    .command("add <file>")
    .description("add a framework or a new version from a JSON file {slug, version, title, factors:[…]}")
    .action(async (file: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const framework = await createFramework(
          await cliContext(handle, global),
          // The service validates it, naming each field.
          readInputJson(file) as Parameters<typeof createFramework>[1],
        );
        printOne(
          global,
          presentFramework(framework),
          `Added ${framework.slug} ${framework.version} (${framework.factors.length} factors) — id ${framework.id}`,
        );
      });
    });

  frameworks
    .command("update <id> <file>")
    .description(
      "change a framework from a JSON file with the fields to change (title, factors, isDefault …)",
    )
    .action(async (id: string, file: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const framework = await updateFramework(
          await cliContext(handle, global),
          id,
          readInputJson(file) as Parameters<typeof updateFramework>[2],
        );
        printOne(global, presentFramework(framework), `Changed ${framework.slug} ${framework.version}.`);
      });
    });
};
