import { authorize } from "../../core/access/policies.ts";
import { forbidden, invalid } from "../../core/shared/errors.ts";
import { type TSaveForm, ZSaveForm } from "../../core/voices/form.schemas.ts";
import {
  type FormRow,
  findForm,
  listCategories,
  upsertForm,
} from "../../repositories/voices/forms.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

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
