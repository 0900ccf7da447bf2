import type { Command } from "commander";
import { formatOf, type SubmissionFormat } from "../../core/voices/submission-format.ts";
import { presentForm } from "../../http/presenters/voices.presenter.ts";
import { buildGazetteer, ensureGazetteer } from "../../services/voices/build-gazetteer.ts";
import { draftMapping } from "../../services/voices/draft-form-mapping.ts";
import {
  type ImportSummary,
  importFormSubmissions,
  importUshahidi,
} from "../../services/voices/import-submissions.ts";
import { listForms } from "../../services/voices/list-forms.ts";
import { saveForm } from "../../services/voices/save-form.ts";
import { readInputJson, readInputText } from "../input-files.ts";
import { cliContext, type GlobalOptions, printOne, printRows } from "../runtime.ts";
import { voices } from "./voices-command.ts";

const printImport = (global: GlobalOptions, summary: ImportSummary, what: string, format: SubmissionFormat) =>
  printOne(
    global,
    summary,
    [
      `${what}: ${summary.rows} rows, ${summary.created} reports stored, ${summary.alreadyStored} already stored, ${summary.skipped.length} skipped.`,
      ...summary.skipped
        .slice(0, 20)
        .map((s) => `  ${format === "csv" ? "line" : "submission"} ${s.row}: ${s.problems.join("; ")}`),
    ].join("\n"),
  );

/** Forms, their column mappings and bulk imports (KoboToolbox, ODK, Ushahidi), and the gazetteer. */
export const registerVoicesIntake = (group: Command): void => {
  const forms = group
    .command("forms")
    .description("import forms (KoboToolbox, ODK, mapped feeds) and their column mappings");

  forms
    .command("list")
    .description("forms of your organisation")
    .action(async (_options: unknown, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const rows = (await listForms(await cliContext(handle, global))).map(presentForm);
        printRows(global, rows, ["id", "title", "kind", "clearance", "updatedAt"]);
      }),
    );

  forms
    .command("save <file>")
    .description('save a form from JSON: {"id","title","kind","clearance","mapping"}')
    .action(async (file: string, _options: unknown, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const parsed = readInputJson(file);
        const form = presentForm(
          await saveForm(await cliContext(handle, global), parsed as Parameters<typeof saveForm>[1]),
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
        const ctx = await cliContext(handle, global);
        const mapping = draftMapping(
          ctx.actor,
          { survey: readInputText(String(options.survey)), choices: readInputText(String(options.choices)) },
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
        const saved = presentForm(await saveForm(ctx, form));
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
        const text = readInputText(file);
        const format = formatOf(file, text);
        const summary = await importFormSubmissions(await cliContext(handle, global), deps, {
          formId: options.form,
          text,
          format,
          fileName: file,
          skipInvalid: options.skipInvalid ?? false,
        });
        printImport(global, summary, `Form ${options.form}`, format);
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
          text: readInputText(file),
          fileName: file,
          skipInvalid: options.skipInvalid ?? false,
        });
        printImport(global, summary, "Ushahidi", "csv");
      }),
    );

  group
    .command("gazetteer")
    .description("rebuild the place-name gazetteer from the loaded events and registry")
    .action(async (_options: unknown, command: Command) =>
      voices(command, async ({ handle, global }) => {
        const result = await buildGazetteer(await cliContext(handle, global));
        printOne(
          global,
          result,
          `Gazetteer: ${result.entries} names (${result.adminAreas} admin areas from events).`,
        );
      }),
    );
};
