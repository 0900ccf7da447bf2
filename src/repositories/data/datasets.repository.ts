import { sql } from "kysely";
import type { Db } from "../../db/types.ts";

export type DatasetRow = {
  id: string;
  kind: string;
  title: string;
  version: string;
  licence: string;
  licenceUrl: string | null;
  citation: string;
  source: string;
  fileName: string | null;
  fileSha256: string | null;
  importedAt: Date;
  importedBy: string | null;
  rowCount: number;
  skippedCount: number;
  spanStart: string | null;
  spanEnd: string | null;
  coverage: unknown;
  /** The organisation that created it under its own id; null for the platform's own datasets. */
  ownerOrgId: string | null;
};

const columns = [
  "id",
  "kind",
  "title",
  "version",
  "licence",
  "licence_url as licenceUrl",
  "citation",
  "source",
  "file_name as fileName",
  "file_sha256 as fileSha256",
  "imported_at as importedAt",
  "imported_by as importedBy",
  "row_count as rowCount",
  "skipped_count as skippedCount",
  "span_start as spanStart",
  "span_end as spanEnd",
  "coverage",
  "owner_org_id as ownerOrgId",
] as const;

export const findDataset = async (db: Db, id: string): Promise<DatasetRow | undefined> =>
  db.selectFrom("datasets").select(columns).where("id", "=", id).executeTakeFirst();

export const listDatasets = async (db: Db): Promise<DatasetRow[]> =>
  db.selectFrom("datasets").select(columns).orderBy("kind").orderBy("id").execute();

export type DatasetWrite = Omit<DatasetRow, "importedAt" | "coverage"> & {
  coverage: unknown;
  importedAt?: Date;
};

export const upsertDataset = async (db: Db, d: DatasetWrite): Promise<void> => {
  const values = {
    id: d.id,
    kind: d.kind,
    title: d.title,
    version: d.version,
    licence: d.licence,
    licence_url: d.licenceUrl,
    citation: d.citation,
    source: d.source,
    file_name: d.fileName,
    file_sha256: d.fileSha256,
    imported_at: d.importedAt ?? new Date(),
    imported_by: d.importedBy,
    row_count: d.rowCount,
    skipped_count: d.skippedCount,
    span_start: d.spanStart,
    span_end: d.spanEnd,
    coverage: d.coverage === null || d.coverage === undefined ? null : JSON.stringify(d.coverage),
  };
  // The owner is set when the dataset is created and kept by every later release.
  await db
    .insertInto("datasets")
    .values({ ...values, owner_org_id: d.ownerOrgId })
    .onConflict((oc) => oc.column("id").doUpdateSet({ ...values, id: undefined }))
    .execute();
};

export type ReplacementRow = {
  datasetId: string;
  replacedAt: Date;
  replacedBy: string | null;
  previousVersion: string;
  newVersion: string;
  previousRowCount: number;
  newRowCount: number;
  rowsAdded: number;
  rowsRemoved: number;
  rowsChanged: number;
};

export const insertReplacement = async (
  db: Db,
  r: Omit<ReplacementRow, "replacedAt"> & { previousSha256: string | null; newSha256: string | null },
): Promise<void> => {
  await db
    .insertInto("dataset_replacements")
    .values({
      dataset_id: r.datasetId,
      replaced_by: r.replacedBy,
      previous_version: r.previousVersion,
      new_version: r.newVersion,
      previous_sha256: r.previousSha256,
      new_sha256: r.newSha256,
      previous_row_count: r.previousRowCount,
      new_row_count: r.newRowCount,
      rows_added: r.rowsAdded,
      rows_removed: r.rowsRemoved,
      rows_changed: r.rowsChanged,
    })
    .execute();
};

export const listReplacements = async (db: Db, datasetId?: string): Promise<ReplacementRow[]> => {
  let query = db
    .selectFrom("dataset_replacements")
    .select([
      "dataset_id as datasetId",
      "replaced_at as replacedAt",
      "replaced_by as replacedBy",
      "previous_version as previousVersion",
      "new_version as newVersion",
      "previous_row_count as previousRowCount",
      "new_row_count as newRowCount",
      "rows_added as rowsAdded",
      "rows_removed as rowsRemoved",
      "rows_changed as rowsChanged",
    ])
    .orderBy("replaced_at", "desc");
  if (datasetId) query = query.where("dataset_id", "=", datasetId);
  return query.execute();
};

/**
 * For each country-month dataset, the latest month with rows for nearly every country it holds in any month
 * (98%, as a forecast's default origin): months after it were delivered for a few countries only.
 */
export const fullThrough = async (db: Db): Promise<Map<string, string>> => {
  const result = await sql<{ datasetId: string; month: string }>`
    WITH counts AS (
      SELECT dataset_id, month, count(DISTINCT iso3) AS n FROM country_month GROUP BY dataset_id, month
    )
    SELECT c.dataset_id AS "datasetId", to_char(max(c.month), 'YYYY-MM') AS month
    FROM counts c JOIN (SELECT dataset_id, max(n) AS most FROM counts GROUP BY dataset_id) m USING (dataset_id)
    WHERE c.n >= 0.98 * m.most
    GROUP BY c.dataset_id`.execute(db);
  return new Map(result.rows.map((r) => [r.datasetId, r.month]));
};

/**
 * Row counts per data table, for status pages and for tests that compare before/after; with `only`, the rows
 * of those datasets alone (what a reader may count).
 */
export const dataTableCounts = async (db: Db, only?: readonly string[]): Promise<Record<string, number>> => {
  const of = (column: "id" | "dataset_id") =>
    only ? (only.length ? sql`WHERE ${sql.ref(column)} IN (${sql.join(only)})` : sql`WHERE false`) : sql``;
  const rows = of("dataset_id");
  const result = await sql<Record<string, number>>`
    SELECT
      (SELECT count(*)::int FROM datasets ${of("id")}) AS datasets,
      (SELECT count(*)::int FROM dataset_replacements ${rows}) AS dataset_replacements,
      (SELECT count(*)::int FROM countries) AS countries,
      (SELECT count(*)::int FROM country_crosswalk) AS country_crosswalk,
      (SELECT count(*)::int FROM events ${rows}) AS events,
      (SELECT count(*)::int FROM country_month ${rows}) AS country_month,
      (SELECT count(*)::int FROM grid_month ${rows}) AS grid_month,
      (SELECT count(*)::int FROM conflicts ${rows}) AS conflicts,
      (SELECT count(*)::int FROM peace_agreements ${rows}) AS peace_agreements,
      (SELECT count(*)::int FROM indicator_definitions ${rows}) AS indicator_definitions,
      (SELECT count(*)::int FROM indicator_values ${rows}) AS indicator_values`.execute(db);
  return result.rows[0] ?? {};
};
