import { authorize } from "../../core/access/policies.ts";
import type { TCreateOrganisation } from "../../core/organisations/organisation.schemas.ts";
import { conflict } from "../../core/shared/errors.ts";
import {
  findOrganisation,
  insertOrganisation,
  type OrganisationRecord,
} from "../../repositories/organisations.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

export const createOrganisation = async (
  ctx: ServiceContext,
  input: TCreateOrganisation,
): Promise<OrganisationRecord> => {
  authorize(ctx.actor, "organisation.create");
  return inTransaction(ctx, async (tx) => {
    if (await findOrganisation(tx.db, input.slug)) {
      throw conflict(`An organisation with the slug "${input.slug}" exists.`, [
        { field: "slug", message: "taken" },
      ]);
    }
    const organisation = await insertOrganisation(tx.db, input);
    await audit(tx, {
      action: "organisation.create",
      entityType: "organisation",
      entityId: organisation.id,
      after: organisation,
    });
    return organisation;
  });
};
