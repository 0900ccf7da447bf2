import { randomUUID } from "node:crypto";
import { type RawBuilder, sql } from "kysely";
import type {
  CoverageGroup,
  IndicatorDefinition,
  StagedRows,
  StagingTarget,
} from "../../core/data/import/types.ts";
import type { DatabaseHandle } from "../../db/engine.ts";
import type { Db } from "../../db/types.ts";
import { type DatasetWrite, findDataset, insertReplacement, upsertDataset } from "./datasets.repository.ts";

/** The columns that identify a row within its dataset: the source's own ids. */
const KEYS: Record<StagingTarget, readonly string[]> = {
  events: ["source_event_id"],
  country_month: ["iso3", "month", "unit_id"],
  conflicts: ["conflict_id", "year"],
  indicator_values: ["indicator", "country_ref", "year"],
};

export type CoverageMode = "observed" | "world";

export type ReplaceInput = {
  dataset: Omit<DatasetWrite, "coverage">;
  staged: StagedRows;
  coverage: CoverageGroup[] | null;
  coverageMode: CoverageMode;
  indicators: IndicatorDefinition[] | null;
};

export type ReplaceResult = {
  status: "created" | "replaced" | "unchanged";
  previousVersion: string | null;
  rowsAdded: number;
  rowsRemoved: number;
  rowsChanged: number;
};

const ident = (name: string) => sql.id(name);
const idents = (names: readonly string[]) => sql.join(names.map(ident));

/**
 * Loads validated rows into a dataset, all or nothing: COPY into a staging table (outside any transaction,
 * as the engine requires), then one transaction that replaces the dataset's rows, rebuilds its
 * aggregates, updates its catalogue entry and records a replacement when an earlier release is replaced.
 * The same file again (same checksum and version) changes nothing. `inTransaction` runs in the same
 * transaction (audit).
 */
export const replaceDatasetRows = async (
  handle: DatabaseHandle,
  input: ReplaceInput,
  inTransaction?: (trx: Db, result: ReplaceResult) => Promise<void>,
): Promise<ReplaceResult> => {
  const { dataset, staged } = input;
  const existing = await findDataset(handle.db, dataset.id);
  if (
    existing &&
    existing.kind === dataset.kind &&
    existing.version === dataset.version &&
    existing.fileSha256 !== null &&
    existing.fileSha256 === dataset.fileSha256
  ) {
    return {
      status: "unchanged",
      previousVersion: existing.version,
      rowsAdded: 0,
      rowsRemoved: 0,
      rowsChanged: 0,
    };
  }
  if (existing && existing.kind !== dataset.kind) {
    throw new Error(
      `Dataset ${dataset.id} holds ${existing.kind} data; it cannot be replaced by a ${dataset.kind} file.`,
    );
  }
  const stage = `data_stage_${randomUUID().replaceAll("-", "")}`;
  const target = staged.target;
  await sql`CREATE TABLE ${ident(stage)} AS SELECT ${idents(staged.columns)} FROM ${ident(target)} WITH NO DATA`.execute(
    handle.db,
  );
  try {
    if (staged.lines.length) await handle.copyCsvInto(stage, staged.columns, `${staged.lines.join("\n")}\n`);
    return await handle.db.transaction().execute(async (trx) => {
      await upsertDataset(trx, {
        ...dataset,
        coverage: input.coverage && { mode: input.coverageMode, groups: input.coverage },
      });
      const scope = target === "country_month" ? sql`AND t.series = 'views'` : sql``;
      let counts = { added: staged.lines.length, removed: 0, changed: 0 };
      if (existing) counts = await diff(trx, stage, target, staged.columns, dataset.id, scope);
      await sql`DELETE FROM ${ident(target)} AS t WHERE t.dataset_id = ${dataset.id} ${scope}`.execute(trx);
      await sql`INSERT INTO ${ident(target)} (dataset_id, dataset_version, ${idents(staged.columns)})
        SELECT ${dataset.id}, ${dataset.version}, ${idents(staged.columns)} FROM ${ident(stage)}`.execute(
        trx,
      );
      if (target === "events") await aggregateEvents(trx, dataset.id, dataset.version, input);
      if (target === "indicator_values")
        await replaceIndicatorDefinitions(trx, dataset.id, input.indicators ?? []);
      const result: ReplaceResult = {
        status: existing ? "replaced" : "created",
        previousVersion: existing?.version ?? null,
        rowsAdded: counts.added,
        rowsRemoved: counts.removed,
        rowsChanged: counts.changed,
      };
      if (existing) {
        await insertReplacement(trx, {
          datasetId: dataset.id,
          replacedBy: dataset.importedBy,
          previousVersion: existing.version,
          newVersion: dataset.version,
          previousSha256: existing.fileSha256,
          newSha256: dataset.fileSha256,
          previousRowCount: existing.rowCount,
          newRowCount: dataset.rowCount,
          rowsAdded: counts.added,
          rowsRemoved: counts.removed,
          rowsChanged: counts.changed,
        });
      }
      if (inTransaction) await inTransaction(trx, result);
      return result;
    });
  } finally {
    await sql`DROP TABLE IF EXISTS ${ident(stage)}`.execute(handle.db);
  }
};

const diff = async (
  db: Db,
  stage: string,
  target: StagingTarget,
  columns: readonly string[],
  datasetId: string,
  scope: RawBuilder<unknown>,
) => {
  const keys = KEYS[target];
  const on = sql.join(
    keys.map((k) => sql`s.${ident(k)} = t.${ident(k)}`),
    sql` AND `,
  );
  const sRow = sql.join(columns.map((c) => sql`s.${ident(c)}`));
  const tRow = sql.join(columns.map((c) => sql`t.${ident(c)}`));
  const result = await sql<{ added: number; removed: number; changed: number }>`
    WITH t AS (SELECT * FROM ${ident(target)} AS t WHERE t.dataset_id = ${datasetId} ${scope})
    SELECT
      (SELECT count(*)::int FROM ${ident(stage)} s WHERE NOT EXISTS (SELECT 1 FROM t WHERE ${on})) AS added,
      (SELECT count(*)::int FROM t WHERE NOT EXISTS (SELECT 1 FROM ${ident(stage)} s WHERE ${on})) AS removed,
      (SELECT count(*)::int FROM ${ident(stage)} s JOIN t ON ${on} WHERE (${sRow}) IS DISTINCT FROM (${tRow})) AS changed
  `.execute(db);
  return result.rows[0] ?? { added: 0, removed: 0, changed: 0 };
};

/**
 * Rebuilds the dataset's country-month and PRIO-GRID-month aggregates (month of date_start). Country-months
 * are zero-filled over the coverage: by default each group's countries over the group's span ("observed"),
 * or every country over the dataset's span ("world"); a country-month is only present while the country
 * existed (crosswalk validity). Grid-months are stored for cells and months with events only.
 */
const aggregateEvents = async (db: Db, datasetId: string, version: string, input: ReplaceInput) => {
  await sql`DELETE FROM country_month WHERE dataset_id = ${datasetId} AND series = 'events'`.execute(db);
  await sql`DELETE FROM grid_month WHERE dataset_id = ${datasetId}`.execute(db);
  const groups = input.coverage ?? [];
  const spanStart = groups.map((g) => g.from).sort()[0];
  const spanEnd = groups
    .map((g) => g.to)
    .sort()
    .at(-1);
  let coverage: RawBuilder<unknown>;
  if (input.coverageMode === "world" && spanStart && spanEnd) {
    coverage = sql`SELECT iso3, ${`${spanStart}-01`}::date AS from_month, ${`${spanEnd}-01`}::date AS to_month FROM countries`;
  } else {
    const rows = groups.flatMap((g) =>
      g.iso3.map((iso3) => sql`(${iso3}, ${`${g.from}-01`}::date, ${`${g.to}-01`}::date)`),
    );
    coverage = rows.length
      ? sql`SELECT * FROM (VALUES ${sql.join(rows)}) AS v(iso3, from_month, to_month)`
      : sql`SELECT NULL::text AS iso3, NULL::date AS from_month, NULL::date AS to_month WHERE false`;
  }
  await sql`
    INSERT INTO country_month (dataset_id, dataset_version, series, iso3, month, unit_id, gwcode,
      sb_best, sb_low, sb_high, ns_best, ns_low, ns_high, os_best, os_low, os_high, other_best, event_count)
    WITH cov AS (${coverage}),
    cells AS (
      SELECT DISTINCT cov.iso3, gs::date AS month
      FROM cov CROSS JOIN LATERAL generate_series(cov.from_month, cov.to_month, interval '1 month') AS gs
      WHERE NOT EXISTS (SELECT 1 FROM country_crosswalk x WHERE x.iso3 = cov.iso3 AND x.is_primary)
         OR EXISTS (SELECT 1 FROM country_crosswalk x WHERE x.iso3 = cov.iso3 AND x.is_primary
                    AND (x.valid_from IS NULL OR x.valid_from < gs + interval '1 month')
                    AND (x.valid_to IS NULL OR x.valid_to >= gs))
    ),
    agg AS (
      SELECT iso3, month, max(gwcode) AS gwcode,
        sum(best) FILTER (WHERE type_of_violence = 1) AS sb_best, sum(low) FILTER (WHERE type_of_violence = 1) AS sb_low,
        sum(high) FILTER (WHERE type_of_violence = 1) AS sb_high, sum(best) FILTER (WHERE type_of_violence = 2) AS ns_best,
        sum(low) FILTER (WHERE type_of_violence = 2) AS ns_low, sum(high) FILTER (WHERE type_of_violence = 2) AS ns_high,
        sum(best) FILTER (WHERE type_of_violence = 3) AS os_best, sum(low) FILTER (WHERE type_of_violence = 3) AS os_low,
        sum(high) FILTER (WHERE type_of_violence = 3) AS os_high, sum(best) FILTER (WHERE type_of_violence IS NULL) AS other_best,
        count(*)::int AS n
      FROM events WHERE dataset_id = ${datasetId} AND iso3 IS NOT NULL GROUP BY iso3, month
    )
    SELECT ${datasetId}, ${version}, 'events', coalesce(a.iso3, c.iso3), coalesce(a.month, c.month), 0, a.gwcode,
      coalesce(a.sb_best, 0), coalesce(a.sb_low, 0), coalesce(a.sb_high, 0), coalesce(a.ns_best, 0), coalesce(a.ns_low, 0),
      coalesce(a.ns_high, 0), coalesce(a.os_best, 0), coalesce(a.os_low, 0), coalesce(a.os_high, 0), coalesce(a.other_best, 0),
      coalesce(a.n, 0)
    FROM cells c FULL JOIN agg a ON a.iso3 = c.iso3 AND a.month = c.month
  `.execute(db);
  await sql`
    INSERT INTO grid_month (dataset_id, dataset_version, priogrid_gid, month, sb_best, ns_best, os_best, other_best,
      sb_low, sb_high, event_count)
    SELECT ${datasetId}, ${version}, priogrid_gid, month,
      coalesce(sum(best) FILTER (WHERE type_of_violence = 1), 0), coalesce(sum(best) FILTER (WHERE type_of_violence = 2), 0),
      coalesce(sum(best) FILTER (WHERE type_of_violence = 3), 0), coalesce(sum(best) FILTER (WHERE type_of_violence IS NULL), 0),
      coalesce(sum(low) FILTER (WHERE type_of_violence = 1), 0), coalesce(sum(high) FILTER (WHERE type_of_violence = 1), 0),
      count(*)::int
    FROM events WHERE dataset_id = ${datasetId} AND priogrid_gid IS NOT NULL GROUP BY priogrid_gid, month
  `.execute(db);
};

const replaceIndicatorDefinitions = async (db: Db, datasetId: string, definitions: IndicatorDefinition[]) => {
  await db.deleteFrom("indicator_definitions").where("dataset_id", "=", datasetId).execute();
  if (!definitions.length) return;
  await db
    .insertInto("indicator_definitions")
    .values(
      definitions.map((d) => ({
        dataset_id: datasetId,
        code: d.code,
        name: d.name,
        unit: d.unit,
        description: d.description,
        source: d.source,
        licence: d.licence,
      })),
    )
    .execute();
  await sql`UPDATE indicator_definitions d SET value_count = (
      SELECT count(*)::int FROM indicator_values v WHERE v.dataset_id = d.dataset_id AND v.indicator = d.code)
    WHERE d.dataset_id = ${datasetId}`.execute(db);
};
