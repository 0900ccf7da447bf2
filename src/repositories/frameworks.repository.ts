import type { TFrameworkFactor, TTranslations } from "../core/frameworks/framework.schemas.ts";
import type { Db } from "../db/types.ts";

export type FrameworkRow = {
  id: string;
  slug: string;
  version: string;
  title: string;
  titleTranslations: TTranslations;
  description: string;
  source: string;
  isDefault: boolean;
  factors: TFrameworkFactor[];
  updatedAt: Date;
};

const columns = [
  "id",
  "slug",
  "version",
  "title",
  "title_translations as titleTranslations",
  "description",
  "source",
  "is_default as isDefault",
  "factors",
  "updated_at as updatedAt",
] as const;

// factors and titleTranslations are jsonb written only through the framework schemas, so their shape is known.
const typed = (
  row: Omit<FrameworkRow, "factors" | "titleTranslations"> & { factors: unknown; titleTranslations: unknown },
): FrameworkRow => ({
  ...row,
  titleTranslations: row.titleTranslations as TTranslations,
  // Factors stored before names were translated read as having no translations.
  factors: (row.factors as TFrameworkFactor[]).map((factor) => ({
    ...factor,
    translations: factor.translations ?? {},
  })),
});

export const listFrameworks = async (db: Db): Promise<FrameworkRow[]> =>
  (
    await db.selectFrom("frameworks").select(columns).orderBy("slug").orderBy("created_at", "desc").execute()
  ).map(typed);

export const findFramework = async (db: Db, id: string): Promise<FrameworkRow | undefined> => {
  const row = await db.selectFrom("frameworks").select(columns).where("id", "=", id).executeTakeFirst();
  return row && typed(row);
};

export const findDefaultFramework = async (db: Db): Promise<FrameworkRow | undefined> => {
  const row = await db
    .selectFrom("frameworks")
    .select(columns)
    .where("is_default", "=", true)
    .executeTakeFirst();
  return row && typed(row);
};

export const findFrameworkVersion = async (db: Db, slug: string, version: string) =>
  db
    .selectFrom("frameworks")
    .select("id")
    .where("slug", "=", slug)
    .where("version", "=", version)
    .executeTakeFirst();

export const clearDefaultFramework = async (db: Db): Promise<void> => {
  await db.updateTable("frameworks").set({ is_default: false }).where("is_default", "=", true).execute();
};

export const insertFramework = async (
  db: Db,
  input: Omit<FrameworkRow, "id" | "updatedAt"> & { createdBy: string },
): Promise<FrameworkRow> =>
  typed(
    await db
      .insertInto("frameworks")
      .values({
        slug: input.slug,
        version: input.version,
        title: input.title,
        title_translations: JSON.stringify(input.titleTranslations),
        description: input.description,
        source: input.source,
        is_default: input.isDefault,
        factors: JSON.stringify(input.factors),
        created_by: input.createdBy,
      })
      .returning(columns)
      .executeTakeFirstOrThrow(),
  );

export const updateFramework = async (
  db: Db,
  id: string,
  changes: Partial<
    Pick<FrameworkRow, "title" | "titleTranslations" | "description" | "source" | "isDefault" | "factors">
  >,
  now: Date,
): Promise<FrameworkRow> =>
  typed(
    await db
      .updateTable("frameworks")
      .set({
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.titleTranslations !== undefined
          ? { title_translations: JSON.stringify(changes.titleTranslations) }
          : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.source !== undefined ? { source: changes.source } : {}),
        ...(changes.isDefault !== undefined ? { is_default: changes.isDefault } : {}),
        ...(changes.factors !== undefined ? { factors: JSON.stringify(changes.factors) } : {}),
        updated_at: now,
      })
      .where("id", "=", id)
      .returning(columns)
      .executeTakeFirstOrThrow(),
  );

export const countReviewsUsingFramework = async (db: Db, id: string): Promise<number> => {
  const row = await db
    .selectFrom("reviews")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("framework_id", "=", id)
    .where("status", "=", "adopted")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
};
