import { sql } from "kysely";
import type { MonthKey } from "../../core/shared/months.ts";
import type { Driver } from "../../core/warning/forecast.ts";
import { forecastSteps, progressAt } from "../../core/warning/progress.ts";
import type { TDatasetVersion, TProgress } from "../../core/warning/warning.schemas.ts";
import { thisProcess } from "../../db/processes.ts";
import type { Db } from "../../db/types.ts";
import { chunks } from "../chunks.ts";

export type ForecastRunRow = {
  id: string;
  origin: MonthKey;
  maxHorizon: number;
  status: "running" | "succeeded" | "failed";
  modelVersion: string;
  parameters: Record<string, unknown>;
  datasetVersions: TDatasetVersion[];
  trigger: "cli" | "api" | "import" | "schedule";
  requestedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  progress: TProgress | null;
  forecastCount: number;
  /** The forecast shown to everyone for its origin, not an experiment (the rule is in run-forecast.ts). */
  published: boolean;
};

const runColumns = sql<ForecastRunRow>`
  r.id, to_char(r.origin, 'YYYY-MM') AS origin, r.max_horizon AS "maxHorizon", r.status,
  r.model_version AS "modelVersion", r.parameters, r.dataset_versions AS "datasetVersions", r.trigger,
  r.requested_by AS "requestedBy", r.started_at AS "startedAt", r.finished_at AS "finishedAt", r.error,
  r.progress, r.published, (SELECT count(*)::int FROM forecasts f WHERE f.run_id = r.id) AS "forecastCount"`;

export const insertForecastRun = async (
  db: Db,
  input: {
    origin: MonthKey;
    maxHorizon: number;
    modelVersion: string;
    parameters: Record<string, unknown>;
    datasetVersions: TDatasetVersion[];
    trigger: ForecastRunRow["trigger"];
    requestedBy: string;
    startedAt: Date;
    published: boolean;
  },
): Promise<string> => {
  const row = await db
    .insertInto("forecast_runs")
    .values({
      origin: `${input.origin}-01`,
      max_horizon: input.maxHorizon,
      status: "running",
      model_version: input.modelVersion,
      parameters: JSON.stringify(input.parameters),
      dataset_versions: JSON.stringify(input.datasetVersions),
      trigger: input.trigger,
      requested_by: input.requestedBy,
      started_at: input.startedAt,
      progress: JSON.stringify(progressAt(0, forecastSteps(input.maxHorizon), "queued")),
      runner: thisProcess(),
      published: input.published,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
};

export const updateForecastRun = async (
  db: Db,
  id: string,
  change: {
    status?: ForecastRunRow["status"];
    progress?: TProgress | null;
    finishedAt?: Date;
    error?: string | null;
    scores?: unknown;
  },
): Promise<void> => {
  await db
    .updateTable("forecast_runs")
    .set({
      ...(change.status ? { status: change.status } : {}),
      ...(change.progress !== undefined ? { progress: JSON.stringify(change.progress) } : {}),
      ...(change.finishedAt ? { finished_at: change.finishedAt } : {}),
      ...(change.error !== undefined ? { error: change.error } : {}),
      ...(change.scores !== undefined ? { scores: JSON.stringify(change.scores) } : {}),
    })
    .where("id", "=", id)
    .execute();
};

type StoredForecast = {
  iso3: string;
  gwcode: number;
  month: MonthKey;
  horizon: number;
  pGt0: number;
  pGe25: number;
  mean: number;
  q10: number;
  q50: number;
  q90: number;
  drivers: Driver[];
};

/** Multi-row inserts of a few hundred rows each: a run is ~2,300 rows, far below where COPY pays off. */
export const insertForecasts = async (
  db: Db,
  runId: string,
  rows: readonly StoredForecast[],
): Promise<void> => {
  for (const part of chunks(rows, 500)) {
    await db
      .insertInto("forecasts")
      .values(
        part.map((f) => ({
          run_id: runId,
          iso3: f.iso3,
          gwcode: f.gwcode,
          month: `${f.month}-01`,
          horizon: f.horizon,
          p_gt0: f.pGt0,
          p_ge25: f.pGe25,
          mean: f.mean,
          q10: f.q10,
          q50: f.q50,
          q90: f.q90,
          drivers: JSON.stringify(f.drivers),
        })),
      )
      .execute();
  }
};

export const findForecastRun = async (db: Db, id: string): Promise<ForecastRunRow | undefined> =>
  (await sql<ForecastRunRow>`SELECT ${runColumns} FROM forecast_runs r WHERE r.id = ${id}`.execute(db))
    .rows[0];

export const listForecastRuns = async (db: Db, limit: number): Promise<ForecastRunRow[]> =>
  (
    await sql<ForecastRunRow>`SELECT ${runColumns} FROM forecast_runs r ORDER BY r.started_at DESC, r.id LIMIT ${limit}`.execute(
      db,
    )
  ).rows;

/** The newest published run for each origin, newest origin first. */
export const latestRunPerOrigin = async (db: Db): Promise<ForecastRunRow[]> =>
  (
    await sql<ForecastRunRow>`
      SELECT ${runColumns} FROM (
        SELECT DISTINCT ON (origin) * FROM forecast_runs WHERE status = 'succeeded' AND published
        ORDER BY origin DESC, finished_at DESC, id
      ) r ORDER BY r.origin DESC`.execute(db)
  ).rows;

/** The newest published run, for one origin or for the newest origin. */
export const latestPublishedRun = async (db: Db, origin?: MonthKey): Promise<ForecastRunRow | undefined> =>
  (
    await sql<ForecastRunRow>`
      SELECT ${runColumns} FROM forecast_runs r
      WHERE r.status = 'succeeded' AND r.published
        ${origin ? sql`AND r.origin = ${`${origin}-01`}::date` : sql``}
      ORDER BY r.origin DESC, r.finished_at DESC, r.id LIMIT 1`.execute(db)
  ).rows[0];

/**
 * The latest published run of the origin before `run`'s: what the watchlist and the forecast-jump alerts
 * compare against, so a change means "since last month's forecast". A re-run of the same origin is a
 * correction of the same forecast, not news, and a run at a later origin (a study of the past made
 * afterwards) never counts. Nor does one more than three months older: a difference across years is no change
 * since the last forecast.
 */
export const previousPublishedRun = async (
  db: Db,
  run: ForecastRunRow,
): Promise<ForecastRunRow | undefined> => {
  const origin = `${run.origin}-01`;
  return (
    await sql<ForecastRunRow>`
      SELECT ${runColumns} FROM forecast_runs r
      WHERE r.status = 'succeeded' AND r.published AND r.origin < ${origin}::date
        AND r.origin >= ${origin}::date - interval '3 months'
      ORDER BY r.origin DESC, r.finished_at DESC, r.id LIMIT 1`.execute(db)
  ).rows[0];
};

export type ForecastRecord = StoredForecast & {
  origin: MonthKey;
  name: string | null;
  isoNumeric: number | null;
};

export const queryForecasts = async (
  db: Db,
  runId: string,
  filter: { iso3?: string; horizon?: number; month?: MonthKey },
): Promise<ForecastRecord[]> => {
  let q = db
    .selectFrom("forecasts as f")
    .innerJoin("forecast_runs as r", "r.id", "f.run_id")
    .leftJoin("countries as c", "c.iso3", "f.iso3")
    .select([
      "f.iso3",
      "f.gwcode",
      sql<string>`to_char(r.origin, 'YYYY-MM')`.as("origin"),
      sql<string>`to_char(f.month, 'YYYY-MM')`.as("month"),
      "f.horizon",
      "f.p_gt0 as pGt0",
      "f.p_ge25 as pGe25",
      "f.mean",
      "f.q10",
      "f.q50",
      "f.q90",
      sql<Driver[]>`f.drivers`.as("drivers"),
      "c.name",
      "c.iso_numeric as isoNumeric",
    ])
    .where("f.run_id", "=", runId)
    .orderBy("f.horizon")
    .orderBy("f.iso3");
  if (filter.iso3) q = q.where("f.iso3", "=", filter.iso3);
  if (filter.horizon !== undefined) q = q.where("f.horizon", "=", filter.horizon);
  if (filter.month) q = q.where("f.month", "=", `${filter.month}-01`);
  return q.execute();
};
