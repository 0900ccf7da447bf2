import Papa from "papaparse";
import { z } from "zod";
import type { Actor } from "../../core/access/actor.ts";
import { authorize } from "../../core/access/policies.ts";
import { ZClearance } from "../../core/access/vocabulary.ts";
import { forbidden, invalid } from "../../core/shared/errors.ts";
import { ZFormMapping } from "../../core/voices/mapping.ts";
import { suggestMapping, type XlsRow } from "../../core/voices/xlsform.ts";
import {
  type FormRow,
  findForm,
  listCategories,
  listForms as listFormRows,
  upsertForm,
} from "../../repositories/voices/forms.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

export const ZSaveForm = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/, "letters, digits, _ . - (as the form id in KoboToolbox)"),
  title: z.string().trim().min(1).max(200),
  kind: z.enum(["kobo", "odk", "feed"]).default("kobo"),
  clearance: ZClearance.default("restricted"),
  mapping: ZFormMapping,
});
export type TSaveForm = z.input<typeof ZSaveForm>;

/** Saves (creates or replaces) an import form and its column mapping for the actor's organisation. */
export const saveForm = async (ctx: ServiceContext, raw: TSaveForm): Promise<FormRow> => {
  authorize(ctx.actor, "voices.configure");
  const input = ZSaveForm.parse(raw);
  const codes = new Set((await listCategories(ctx.db)).map((c) => c.code));
  const used = [input.mapping.category.default, ...Object.values(input.mapping.category.values)];
  const unknown = used.filter((code) => !codes.has(code));
  if (unknown.length) {
    throw invalid(
      "The mapping names unknown categories.",
      unknown.map((code) => ({ field: "mapping.category", message: code })),
    );
  }
  return inTransaction(ctx, async (tx) => {
    const before = await findForm(tx.db, input.id);
    if (before && before.ownerOrgId !== ctx.actor.orgId)
      throw forbidden("This form id belongs to another organisation.");
    const form = await upsertForm(tx.db, { ...input, ownerOrgId: ctx.actor.orgId }, ctx.now());
    await audit(tx, {
      action: before ? "voices.form_update" : "voices.form_create",
      entityType: "voices_forms",
      entityId: form.id,
      before,
      after: form,
    });
    return form;
  });
};

export const listForms = (ctx: ServiceContext): Promise<FormRow[]> => listFormRows(ctx.db, ctx.actor.orgId);

/** A draft mapping from an XLSForm's survey and choices sheets, for an administrator to review and save. */
/** The rows of a CSV text as objects keyed by its header (an XLSForm sheet saved as CSV). */
export const csvObjects = (text: string): XlsRow[] =>
  Papa.parse<XlsRow>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;

export const draftMapping = (
  actor: Actor,
  survey: readonly XlsRow[],
  choices: readonly XlsRow[],
  options: { iso3?: string; category?: string },
) => {
  authorize(actor, "voices.configure");
  if (!survey.some((row) => row.type?.trim() && row.name?.trim()))
    throw invalid(
      "The survey sheet has no question with a type and a name: is it the XLSForm's survey sheet?",
      [{ field: "survey", message: "no type and name columns" }],
    );
  return ZFormMapping.parse(suggestMapping(survey, choices, options));
};
