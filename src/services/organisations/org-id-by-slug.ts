import { notFound } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import { findOrganisation } from "../../repositories/organisations.repository.ts";

/** The organisation a slug (or id) names, as typed on the command line; not found otherwise. */
export const orgIdBySlug = async (db: Db, slugOrId: string): Promise<string> => {
  const org = await findOrganisation(db, slugOrId);
  if (!org) throw notFound(`Organisation ${slugOrId}`);
  return org.id;
};
