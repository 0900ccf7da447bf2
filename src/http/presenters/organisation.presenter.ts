import type { TOrganisation } from "../../core/organisations/organisation.schemas.ts";
import type { OrganisationRecord } from "../../repositories/organisations.repository.ts";

export const presentOrganisation = (organisation: OrganisationRecord): TOrganisation => ({
  ...organisation,
  createdAt: organisation.createdAt.toISOString(),
});
