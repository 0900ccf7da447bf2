import type { Clearance } from "../../core/access/vocabulary.ts";
import type { FormMapping } from "../../core/voices/mapping.ts";
import type { TCategory } from "../../core/voices/report.schemas.ts";
import type { Db } from "../../db/types.ts";

export type FormRow = {
  id: string;
  ownerOrgId: string;
  title: string;
  kind: "kobo" | "odk" | "feed";
  mapping: FormMapping;
  clearance: Clearance;
  updatedAt: Date;
};

const columns = [
  "id",
  "owner_org_id as ownerOrgId",
  "title",
  "kind",
  "mapping",
  "clearance",
  "updated_at as updatedAt",
] as const;

type Raw = {
  id: string;
  ownerOrgId: string;
  title: string;
  kind: string;
  mapping: unknown;
  clearance: string;
  updatedAt: Date;
};
const typed = (row: Raw): FormRow => ({
  ...row,
  kind: row.kind as FormRow["kind"],
  mapping: row.mapping as FormMapping,
  clearance: row.clearance as Clearance,
});

export const upsertForm = async (db: Db, form: Omit<FormRow, "updatedAt">, at: Date): Promise<FormRow> =>
  typed(
    await db
      .insertInto("voices_forms")
      .values({
        id: form.id,
        owner_org_id: form.ownerOrgId,
        title: form.title,
        kind: form.kind,
        mapping: JSON.stringify(form.mapping),
        clearance: form.clearance,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.column("id").doUpdateSet({
          title: form.title,
          kind: form.kind,
          mapping: JSON.stringify(form.mapping),
          clearance: form.clearance,
          updated_at: at,
        }),
      )
      .returning(columns)
      .executeTakeFirstOrThrow(),
  );

export const findForm = async (db: Db, id: string): Promise<FormRow | undefined> => {
  const row = await db.selectFrom("voices_forms").select(columns).where("id", "=", id).executeTakeFirst();
  return row && typed(row);
};

export const listForms = async (db: Db, ownerOrgId: string): Promise<FormRow[]> =>
  (
    await db
      .selectFrom("voices_forms")
      .select(columns)
      .where("owner_org_id", "=", ownerOrgId)
      .orderBy("id")
      .execute()
  ).map(typed);

export const listCategories = async (db: Db): Promise<TCategory[]> =>
  db
    .selectFrom("voices_categories")
    .select(["code", "label", "factors"])
    .orderBy("position")
    .orderBy("code")
    .execute();
