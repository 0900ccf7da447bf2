import { sql } from "kysely";
import type { MonthKey } from "../../core/shared/months.ts";
import { backtestSteps, progressAt } from "../../core/warning/progress.ts";
import type { TDatasetVersion, TProgress } from "../../core/warning/warning.schemas.ts";
import { thisProcess } from "../../db/processes.ts";
import type { Db } from "../../db/types.ts";

export type BacktestRunRow = {
  id: string;
  origins: MonthKey[];
  maxHorizon: number;
  status: "running" | "succeeded" | "failed";
  modelVersion: string;
  parameters: Record<string, unknown>;
  datasetVersions: TDatasetVersion[];
  progress: TProgress | null;
  requestedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  timings: { modelSeconds: number[]; baselineSeconds: number[] } | null;
  /** The BacktestReport as stored: JSON turned every NaN score into null. */
  report: unknown;
};

const columns = sql<BacktestRunRow>`
  id, origins, max_horizon AS "maxHorizon", status, model_version AS "modelVersion", parameters,
  dataset_versions AS "datasetVersions", progress, requested_by AS "requestedBy", started_at AS "startedAt",
  finished_at AS "finishedAt", error, timings`;

export const insertBacktestRun = async (
  db: Db,
  input: {
    origins: MonthKey[];
    maxHorizon: number;
    modelVersion: string;
    parameters: Record<string, unknown>;
    datasetVersions: TDatasetVersion[];
    requestedBy: string;
    startedAt: Date;
  },
): Promise<string> => {
  const row = await db
    .insertInto("backtest_runs")
    .values({
      origins: JSON.stringify(input.origins),
      max_horizon: input.maxHorizon,
      status: "running",
      model_version: input.modelVersion,
      parameters: JSON.stringify(input.parameters),
      dataset_versions: JSON.stringify(input.datasetVersions),
      progress: JSON.stringify(
        progressAt(0, backtestSteps(input.origins.length, input.maxHorizon), "queued"),
      ),
      requested_by: input.requestedBy,
      started_at: input.startedAt,
      runner: thisProcess(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
};

export const updateBacktestRun = async (
  db: Db,
  id: string,
  change: {
    status?: BacktestRunRow["status"];
    progress?: TProgress;
    finishedAt?: Date;
    error?: string | null;
    report?: unknown;
    timings?: BacktestRunRow["timings"];
  },
): Promise<void> => {
  await db
    .updateTable("backtest_runs")
    .set({
      ...(change.status ? { status: change.status } : {}),
      ...(change.progress ? { progress: JSON.stringify(change.progress) } : {}),
      ...(change.finishedAt ? { finished_at: change.finishedAt } : {}),
      ...(change.error !== undefined ? { error: change.error } : {}),
      ...(change.report !== undefined ? { report: JSON.stringify(change.report) } : {}),
      ...(change.timings !== undefined ? { timings: JSON.stringify(change.timings) } : {}),
    })
    .where("id", "=", id)
    .execute();
};

/** One run with its report (the report is large: only the single-run read carries it). */
export const findBacktestRun = async (db: Db, id: string): Promise<BacktestRunRow | undefined> =>
  (await sql<BacktestRunRow>`SELECT ${columns}, report FROM backtest_runs WHERE id = ${id}`.execute(db))
    .rows[0];

export const listBacktestRuns = async (db: Db, limit: number): Promise<BacktestRunRow[]> =>
  (
    await sql<BacktestRunRow>`SELECT ${columns}, NULL AS report FROM backtest_runs ORDER BY started_at DESC, id LIMIT ${limit}`.execute(
      db,
    )
  ).rows;
