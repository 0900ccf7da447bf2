import { type FormRow, listForms as listFormRows } from "../../repositories/voices/forms.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** The import forms of the actor's organisation. */
export const listForms = (ctx: ServiceContext): Promise<FormRow[]> => listFormRows(ctx.db, ctx.actor.orgId);
