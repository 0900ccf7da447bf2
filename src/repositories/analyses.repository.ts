import type { Actor } from "../core/access/actor.ts";
import type { Clearance } from "../core/access/vocabulary.ts";
import type { Db } from "../db/types.ts";
import { visibleTo } from "./access/visibility.ts";
import { containsPattern } from "./contains-pattern.ts";

export type AnalysisRow = {
  id: string;
  ownerOrgId: string;
  clearance: Clearance;
  iso3: string | null;
  title: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
};

const columns = [
  "id",
  "owner_org_id as ownerOrgId",
  "clearance",
  "iso3",
  "title",
  "body",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

type Row = Omit<AnalysisRow, "clearance"> & { clearance: string };
const typed = (row: Row): AnalysisRow => ({ ...row, clearance: row.clearance as Clearance });

export const insertAnalysis = async (
  db: Db,
  input: {
    ownerOrgId: string;
    clearance: Clearance;
    iso3: string | null;
    title: string;
    body: string;
    createdBy: string;
  },
): Promise<AnalysisRow> =>
  typed(
    await db
      .insertInto("analyses")
      .values({
        owner_org_id: input.ownerOrgId,
        clearance: input.clearance,
        iso3: input.iso3,
        title: input.title,
        body: input.body,
        created_by: input.createdBy,
      })
      .returning(columns)
      .executeTakeFirstOrThrow(),
  );

/** Only records the actor may see are ever returned. */
export const findVisibleAnalysis = async (
  db: Db,
  actor: Actor,
  id: string,
): Promise<AnalysisRow | undefined> => {
  const row = await db
    .selectFrom("analyses")
    .select(columns)
    .where("id", "=", id)
    .where(visibleTo(actor, "analyses"))
    .executeTakeFirst();
  return row && typed(row);
};

export const listVisibleAnalyses = async (
  db: Db,
  actor: Actor,
  filter: { iso3?: string | undefined; search?: string | undefined },
): Promise<AnalysisRow[]> => {
  let query = db.selectFrom("analyses").select(columns).where(visibleTo(actor, "analyses"));
  if (filter.iso3) query = query.where("iso3", "=", filter.iso3);
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    query = query.where((eb) => eb.or([eb("title", "ilike", pattern), eb("body", "ilike", pattern)]));
  }
  return (await query.orderBy("updated_at", "desc").limit(500).execute()).map(typed);
};

export const updateAnalysis = async (
  db: Db,
  id: string,
  changes: Partial<{ clearance: Clearance; iso3: string | null; title: string; body: string }>,
  now: Date,
): Promise<AnalysisRow> =>
  typed(
    await db
      .updateTable("analyses")
      .set({ ...changes, updated_at: now })
      .where("id", "=", id)
      .returning(columns)
      .executeTakeFirstOrThrow(),
  );

export const deleteAnalysis = async (db: Db, id: string): Promise<void> => {
  await db.deleteFrom("analyses").where("id", "=", id).execute();
};
