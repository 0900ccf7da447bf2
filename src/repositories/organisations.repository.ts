import type { OrganisationKind } from "../core/access/vocabulary.ts";
import type { TCreateOrganisation } from "../core/organisations/organisation.schemas.ts";
import type { Db } from "../db/types.ts";

export type OrganisationRecord = {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  createdAt: Date;
};

const toOrganisation = (row: {
  id: string;
  slug: string;
  name: string;
  kind: string;
  created_at: Date;
}): OrganisationRecord => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  kind: row.kind as OrganisationKind,
  createdAt: row.created_at,
});

export const insertOrganisation = async (db: Db, input: TCreateOrganisation): Promise<OrganisationRecord> =>
  toOrganisation(await db.insertInto("organisations").values(input).returningAll().executeTakeFirstOrThrow());

export const listOrganisations = async (db: Db): Promise<OrganisationRecord[]> =>
  (await db.selectFrom("organisations").selectAll().orderBy("name").execute()).map(toOrganisation);

export const findOrganisation = async (db: Db, idOrSlug: string): Promise<OrganisationRecord | undefined> => {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrSlug);
  const row = await db
    .selectFrom("organisations")
    .selectAll()
    .where(isUuid ? "id" : "slug", "=", idOrSlug)
    .executeTakeFirst();
  return row && toOrganisation(row);
};

export const countOrganisationsWithIds = async (db: Db, ids: readonly string[]): Promise<number> => {
  if (ids.length === 0) return 0;
  const row = await db
    .selectFrom("organisations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("id", "in", ids)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};
