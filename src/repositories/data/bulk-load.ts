import { createHash, randomUUID } from "node:crypto";
import { type RawBuilder, sql } from "kysely";
import {
  EVENT_COUNTRY_MONTH_COLUMNS,
  EVENT_GRID_MONTH_COLUMNS,
  type EventMonthTotals,
} from "../../core/data/import/event-month-totals.ts";
import type {
  CoverageGroup,
  ImportMode,
  IndicatorDefinition,
  StagingTarget,
} from "../../core/data/import/types.ts";
import type { BulkCopy, DatabaseHandle } from "../../db/engine.ts";
import type { Db } from "../../db/types.ts";
import { takeTurn } from "../turns.ts";
import {
  type DatasetRow,
  type DatasetWrite,
  findDataset,
  insertReplacement,
  upsertDataset,
} from "./datasets.repository.ts";

/** The columns that identify a row within its dataset: the source's own ids. */
const KEYS: Record<StagingTarget, readonly string[]> = {
  events: ["source_event_id"],
  country_month: ["iso3", "month", "unit_id"],
  conflicts: ["conflict_id", "year"],
  peace_agreements: ["paid"],
  indicator_values: ["indicator", "country_ref", "year"],
};

/** The indexes of `events` other than its key (migration 0007), matched by those of a new partition. */
const EVENT_INDEXES: readonly (readonly string[])[] = [
  ["iso3", "month"],
  ["latitude", "longitude"],
];

export type CoverageMode = "observed" | "world";

/** What is known before the file is read: where its rows go. */
type LoadPlan = {
  datasetId: string;
  kind: string;
  target: StagingTarget;
  columns: readonly string[];
  /** The release, when the caller names it; otherwise known only once the whole file is read. */
  version?: string;
  /** Tables only: `update` keeps the dataset's rows the file does not hold. Events always replace. */
  mode: ImportMode;
};

/** What the whole file said about itself, once read and valid. */
type LoadedFile = {
  dataset: Omit<DatasetWrite, "coverage">;
  /** Rows sent through `copy`. */
  stagedRows: number;
  coverage: CoverageGroup[] | null;
  coverageMode: CoverageMode;
  indicators: IndicatorDefinition[] | null;
  /** Event files: totals by country-month and PRIO-GRID-cell-month, added up while validating. */
  eventMonths: EventMonthTotals | null;
};

export type ReplaceResult = {
  status: "created" | "replaced" | "updated";
  /** The dataset's release afterwards: the file's, or the one it had when an update changed nothing. */
  version: string;
  previousVersion: string | null;
  rowsAdded: number;
  rowsRemoved: number;
  rowsChanged: number;
};

const ident = (name: string) => sql.id(name);
const idents = (names: readonly string[]) => sql.join(names.map(ident));

/** Thrown inside the transaction to undo a refused file's partial load. */
class Refused extends Error {}

/** The partition of a table holding one dataset (a stable name; dataset ids may be any text). */
const partitionName = (table: "events" | "grid_month", datasetId: string) =>
  `${table}_${createHash("sha256").update(datasetId).digest("hex").slice(0, 24)}`;

/**
 * Loads a dataset's rows, all or nothing, in one transaction: `feed` (given the dataset as committed) streams
 * validated CSV through `copy` into a load table while the file is still being read, then says what the file
 * held, or null when the file was refused (everything is rolled back). Event rows go into a new partition, keyed and indexed as
 * they are loaded, which replaces the dataset's previous partition; other rows replace the dataset's rows
 * from a staging table. Aggregates, the catalogue entry, the replacement record and `inTransaction`
 * (audit) commit with the rows. Returns null for a refused file.
 */
export const replaceDatasetRows = async (
  handle: DatabaseHandle,
  plan: LoadPlan,
  feed: (copy: (csv: string) => Promise<void>, held: DatasetRow | undefined) => Promise<LoadedFile | null>,
  inTransaction?: (trx: Db, result: ReplaceResult) => Promise<void>,
): Promise<ReplaceResult | null> => {
  const suffix = randomUUID().replaceAll("-", "");
  const events = plan.target === "events";
  const load = events ? `events_load_${suffix}` : `data_stage_${suffix}`;
  try {
    return await handle.bulkTransaction(async (trx, copy) => {
      // Imports of one dataset at once (two servers, or the CLI beside one) take turns, each starting from
      // what the one before committed: otherwise both diff against the same old rows and catalogue entry.
      await takeTurn(trx, `dataset:${plan.datasetId}`);
      const existing = await findDataset(trx, plan.datasetId);
      if (existing && existing.kind !== plan.kind) {
        throw new Error(
          `Dataset ${plan.datasetId} holds ${existing.kind} data; it cannot be replaced by a ${plan.kind} file.`,
        );
      }
      await (events ? createEventLoadTable(trx, plan.datasetId, load) : createStagingTable(trx, plan, load));
      const loaded = await feed((csv) => copy(load, plan.columns, csv), existing);
      if (!loaded) throw new Refused();
      await upsertDataset(trx, {
        ...loaded.dataset,
        coverage: loaded.coverage && { mode: loaded.coverageMode, groups: loaded.coverage },
      });
      const updating = existing !== undefined && plan.mode === "update" && !events;
      const held = events
        ? await replaceEvents(trx, copy, plan, { load, suffix, loaded, existing })
        : await replaceTableRows(trx, plan, { load, loaded, existing, updating });
      const result: ReplaceResult = {
        status: !existing ? "created" : updating ? "updated" : "replaced",
        version: held.version,
        previousVersion: existing?.version ?? null,
        rowsAdded: held.counts.added,
        rowsRemoved: held.counts.removed,
        rowsChanged: held.counts.changed,
      };
      if (existing) await recordReplacement(trx, existing, loaded.dataset, held);
      if (inTransaction) await inTransaction(trx, result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return null;
    throw error;
  }
};

type RowCounts = { added: number; removed: number; changed: number };
/** What the dataset holds once its rows are replaced: the rows added, removed and changed, and its release. */
type HeldRows = { counts: RowCounts; rows: number; version: string };
type Load = { load: string; loaded: LoadedFile; existing: DatasetRow | undefined };

/**
 * A plain table shaped like events, without indexes, that COPY only writes rows to; the partition's key and
 * indexes are created empty, so COPY fills them while the main thread would otherwise wait for the worker,
 * and attaching then adopts them instead of building them afterwards.
 */
const createEventLoadTable = async (trx: Db, datasetId: string, load: string) => {
  await sql`CREATE TABLE ${ident(load)} (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`.execute(trx);
  // The release may be named only at the end of the file: its column is added then, with the release
  // as default, which is a catalogue change rather than a rewrite of every row.
  await sql`ALTER TABLE ${ident(load)}
    ALTER COLUMN dataset_id SET DEFAULT ${sql.lit(datasetId)},
    DROP COLUMN dataset_version`.execute(trx);
  await sql`ALTER TABLE ${ident(load)} ADD PRIMARY KEY (dataset_id, source_event_id)`.execute(trx);
  for (const columns of EVENT_INDEXES)
    await sql`CREATE INDEX ON ${ident(load)} (${idents(columns)})`.execute(trx);
};

const createStagingTable = async (trx: Db, plan: LoadPlan, load: string) => {
  await sql`CREATE TEMPORARY TABLE ${ident(load)} ON COMMIT DROP AS
    SELECT ${idents(plan.columns)} FROM ${ident(plan.target)} WITH NO DATA`.execute(trx);
};

/** Events always replace the dataset's partition, and its month aggregates with it. */
const replaceEvents = async (
  trx: Db,
  copy: BulkCopy,
  plan: LoadPlan,
  { load, suffix, loaded, existing }: Load & { suffix: string },
): Promise<HeldRows> => {
  const { dataset } = loaded;
  await sql`ALTER TABLE ${ident(load)}
    ADD COLUMN dataset_version text NOT NULL DEFAULT ${sql.lit(dataset.version)}`.execute(trx);
  const counts = existing
    ? await diff(trx, load, "events", plan.columns, dataset.id, sql``)
    : { added: loaded.stagedRows, removed: 0, changed: 0 };
  await aggregateEvents(trx, copy, dataset.id, dataset.version, loaded, `grid_month_load_${suffix}`);
  await swapPartition(trx, "events", dataset.id, load);
  return { counts, rows: dataset.rowCount, version: dataset.version };
};

/**
 * Other rows replace the dataset's rows from the staging table; an update replaces only the rows the file
 * holds, and one that changes no row leaves the dataset's release and figures as they were.
 */
const replaceTableRows = async (
  trx: Db,
  plan: LoadPlan,
  { load, loaded, existing, updating }: Load & { updating: boolean },
): Promise<HeldRows> => {
  const { dataset } = loaded;
  const scope = plan.target === "country_month" ? sql`AND t.series = 'views'` : sql``;
  const counts = existing
    ? await diff(trx, load, plan.target, plan.columns, dataset.id, scope)
    : { added: loaded.stagedRows, removed: 0, changed: 0 };
  if (updating) counts.removed = 0;
  if (existing && updating && counts.added === 0 && counts.changed === 0) {
    await keepRelease(trx, existing);
    return { counts, rows: existing.rowCount, version: existing.version };
  }
  const sameKey = updating
    ? sql`AND EXISTS (SELECT 1 FROM ${ident(load)} s WHERE ${keysMatch(plan.target)})`
    : sql``;
  await sql`DELETE FROM ${ident(plan.target)} AS t
    WHERE t.dataset_id = ${dataset.id} ${scope} ${sameKey}`.execute(trx);
  await sql`INSERT INTO ${ident(plan.target)} (dataset_id, dataset_version, ${idents(plan.columns)})
    SELECT ${dataset.id}, ${dataset.version}, ${idents(plan.columns)} FROM ${ident(load)}`.execute(trx);
  if (plan.target === "indicator_values")
    await writeIndicatorDefinitions(trx, dataset.id, loaded.indicators ?? [], updating);
  const rows =
    existing && updating
      ? await recountDataset(trx, plan.target, dataset.id, scope, existing)
      : dataset.rowCount;
  return { counts, rows, version: dataset.version };
};

/** Puts back the release and figures the catalogue entry had before the file was read. */
const keepRelease = async (trx: Db, existing: DatasetRow) => {
  await trx
    .updateTable("datasets")
    .set({
      version: existing.version,
      row_count: existing.rowCount,
      span_start: existing.spanStart,
      span_end: existing.spanEnd,
    })
    .where("id", "=", existing.id)
    .execute();
};

/** The replacement of a dataset, as its history shows it: releases, files, row counts and changes. */
const recordReplacement = async (
  trx: Db,
  existing: DatasetRow,
  dataset: LoadedFile["dataset"],
  held: HeldRows,
) => {
  await insertReplacement(trx, {
    datasetId: dataset.id,
    replacedBy: dataset.importedBy,
    previousVersion: existing.version,
    newVersion: held.version,
    previousSha256: existing.fileSha256,
    newSha256: dataset.fileSha256,
    previousRowCount: existing.rowCount,
    newRowCount: held.rows,
    rowsAdded: held.counts.added,
    rowsRemoved: held.counts.removed,
    rowsChanged: held.counts.changed,
  });
};

/**
 * Puts a loaded table in place as the dataset's partition of `table` (events, grid_month): the previous
 * partition (and any rows of the dataset loaded before the table was partitioned) goes, the new one is
 * attached — adopting the key and indexes it already has — under the dataset's partition name. Late in the
 * transaction, as detaching locks the table.
 */
const swapPartition = async (db: Db, table: "events" | "grid_month", datasetId: string, load: string) => {
  const name = partitionName(table, datasetId);
  const previous = await sql<{ found: string | null }>`SELECT to_regclass(${name})::text AS found`.execute(
    db,
  );
  if (previous.rows[0]?.found) {
    await sql`ALTER TABLE ${ident(table)} DETACH PARTITION ${ident(name)}`.execute(db);
    await sql`DROP TABLE ${ident(name)}`.execute(db);
  }
  await sql`DELETE FROM ${ident(`${table}_default`)} WHERE dataset_id = ${datasetId}`.execute(db);
  await sql`ALTER TABLE ${ident(table)} ATTACH PARTITION ${ident(load)} FOR VALUES IN (${sql.lit(datasetId)})`.execute(
    db,
  );
  await sql`ALTER TABLE ${ident(load)} RENAME TO ${ident(name)}`.execute(db);
};

/** Staged row `s` and stored row `t` have the same key. */
const keysMatch = (target: StagingTarget) =>
  sql.join(
    KEYS[target].map((k) => sql`s.${ident(k)} = t.${ident(k)}`),
    sql` AND `,
  );

/**
 * After an update, the catalogue counts what the dataset now holds, not what the file held, and its span
 * covers the rows kept as well as the file's.
 */
const recountDataset = async (
  db: Db,
  target: StagingTarget,
  datasetId: string,
  scope: RawBuilder<unknown>,
  previous: { spanStart: string | null; spanEnd: string | null },
): Promise<number> => {
  const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b);
  const latest = (a: string | null, b: string | null) => (a === null ? b : b === null || a > b ? a : b);
  const now = await db
    .selectFrom("datasets")
    .select(["span_start", "span_end"])
    .where("id", "=", datasetId)
    .executeTakeFirstOrThrow();
  const updated = await sql<{ rowCount: number }>`UPDATE datasets SET
      row_count = (SELECT count(*)::int FROM ${ident(target)} AS t WHERE t.dataset_id = ${datasetId} ${scope}),
      span_start = ${earliest(previous.spanStart, now.span_start)},
      span_end = ${latest(previous.spanEnd, now.span_end)}
    WHERE id = ${datasetId} RETURNING row_count AS "rowCount"`.execute(db);
  return updated.rows[0]?.rowCount ?? 0;
};

const releaseColumns = new Set(["source_version", "version"]);

const diff = async (
  db: Db,
  stage: string,
  target: StagingTarget,
  columns: readonly string[],
  datasetId: string,
  scope: RawBuilder<unknown>,
) => {
  const on = keysMatch(target);
  // Every row of a new release carries its release name: a row is changed only when its data are.
  const compared = columns.filter((c) => !releaseColumns.has(c));
  const sRow = sql.join(compared.map((c) => sql`s.${ident(c)}`));
  const tRow = sql.join(compared.map((c) => sql`t.${ident(c)}`));
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
 * Rebuilds the dataset's country-month and PRIO-GRID-month aggregates (month of date_start) from the totals
 * its events added up to. Country-months
 * are zero-filled over the coverage: by default each group's countries over the group's span ("observed"),
 * or every country over the dataset's span ("world"); a country-month is only present while the country
 * existed (crosswalk validity). Grid-months are stored for cells and months with events only.
 */
const aggregateEvents = async (
  db: Db,
  copy: BulkCopy,
  datasetId: string,
  version: string,
  input: Pick<LoadedFile, "coverage" | "coverageMode" | "eventMonths">,
  gridLoad: string,
) => {
  await sql`DELETE FROM country_month WHERE dataset_id = ${datasetId} AND series = 'events'`.execute(db);
  // The totals were added up while the file was read; here they are only loaded and zero-filled.
  const totals = input.eventMonths ?? { countryMonths: [], gridMonths: [] };
  await sql`CREATE TEMPORARY TABLE event_country_totals (iso3 text, month date, gwcode integer,
    sb_best bigint, sb_low bigint, sb_high bigint, ns_best bigint, ns_low bigint, ns_high bigint,
    os_best bigint, os_low bigint, os_high bigint, other_best bigint, event_count integer) ON COMMIT DROP`.execute(
    db,
  );
  // Grid-months go straight into the dataset's new partition, keyed and indexed once filled.
  await sql`CREATE TABLE ${ident(gridLoad)} (LIKE grid_month INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`.execute(
    db,
  );
  await sql`ALTER TABLE ${ident(gridLoad)}
    ALTER COLUMN dataset_id SET DEFAULT ${sql.lit(datasetId)},
    ALTER COLUMN dataset_version SET DEFAULT ${sql.lit(version)}`.execute(db);
  if (totals.countryMonths.length)
    await copy("event_country_totals", EVENT_COUNTRY_MONTH_COLUMNS, `${totals.countryMonths.join("\n")}\n`);
  if (totals.gridMonths.length)
    await copy(gridLoad, EVENT_GRID_MONTH_COLUMNS, `${totals.gridMonths.join("\n")}\n`);
  await sql`ALTER TABLE ${ident(gridLoad)} ADD PRIMARY KEY (dataset_id, priogrid_gid, month)`.execute(db);
  await sql`CREATE INDEX ON ${ident(gridLoad)} (month, priogrid_gid)`.execute(db);
  await swapPartition(db, "grid_month", datasetId, gridLoad);
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
      SELECT iso3, month, gwcode, sb_best, sb_low, sb_high, ns_best, ns_low, ns_high, os_best, os_low, os_high,
        other_best, event_count AS n
      FROM event_country_totals
    )
    SELECT ${datasetId}, ${version}, 'events', coalesce(a.iso3, c.iso3), coalesce(a.month, c.month), 0, a.gwcode,
      coalesce(a.sb_best, 0), coalesce(a.sb_low, 0), coalesce(a.sb_high, 0), coalesce(a.ns_best, 0), coalesce(a.ns_low, 0),
      coalesce(a.ns_high, 0), coalesce(a.os_best, 0), coalesce(a.os_low, 0), coalesce(a.os_high, 0), coalesce(a.other_best, 0),
      coalesce(a.n, 0)
    FROM cells c FULL JOIN agg a ON a.iso3 = c.iso3 AND a.month = c.month
  `.execute(db);
};

/** The file's indicator definitions; an update keeps those of indicators the file does not hold. */
const writeIndicatorDefinitions = async (
  db: Db,
  datasetId: string,
  definitions: IndicatorDefinition[],
  keepOthers: boolean,
) => {
  const ofDataset = db.deleteFrom("indicator_definitions").where("dataset_id", "=", datasetId);
  if (!keepOthers) await ofDataset.execute();
  else if (definitions.length)
    await ofDataset
      .where(
        "code",
        "in",
        definitions.map((d) => d.code),
      )
      .execute();
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
