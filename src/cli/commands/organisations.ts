import { type Command, Option } from "commander";
import { organisationKinds } from "../../core/access/vocabulary.ts";
import { ZCreateOrganisation } from "../../core/organisations/organisation.schemas.ts";
import { presentOrganisation } from "../../http/presenters/organisation.presenter.ts";
import { createOrganisation } from "../../services/organisations/create-organisation.ts";
import { listOrganisations } from "../../services/organisations/list-organisations.ts";
import { cliContext, globalOptions, printOne, printRows, withDatabase } from "../runtime.ts";

export const registerOrgs = (program: Command): void => {
  const org = program.command("org").description("organisations sharing this instance");

  org
    .command("add <slug> <name>")
    .description("add an organisation")
    .addOption(
      new Option("--kind <kind>", "what kind of organisation")
        .choices(organisationKinds)
        .makeOptionMandatory(),
    )
    .action(async (slug: string, name: string, options: { kind: string }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const input = ZCreateOrganisation.parse({ slug, name, kind: options.kind });
        const created = presentOrganisation(
          await createOrganisation(await cliContext(handle, global), input),
        );
        printOne(
          global,
          created,
          `Added ${created.name} (${created.slug}, ${created.kind}) — id ${created.id}`,
        );
      });
    });

  org
    .command("list")
    .description("list organisations")
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        printRows(
          global,
          (await listOrganisations(await cliContext(handle, global))).map(presentOrganisation),
          ["slug", "name", "kind", "id"],
        );
      });
    });
};
