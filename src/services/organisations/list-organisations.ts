import { authorize } from "../../core/access/policies.ts";
import {
  type OrganisationRecord,
  listOrganisations as selectOrganisations,
} from "../../repositories/organisations.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** Every member sees the directory of organisations: sharing a record needs their names. */
export const listOrganisations = (ctx: ServiceContext): Promise<OrganisationRecord[]> => {
  authorize(ctx.actor, "organisation.read");
  return selectOrganisations(ctx.db);
};
