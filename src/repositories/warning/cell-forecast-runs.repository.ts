import { sql } from "kysely";
import type { Channel } from "../../core/access/actor.ts";
import { priogridCell } from "../../core/data/priogrid.ts";
import type { MonthKey } from "../../core/shared/months.ts";
import type { TDatasetVersion } from "../../core/warning/warning.schemas.ts";
import type { Db } from "../../db/types.ts";
import { chunks } from "../chunks.ts";

export type CellForecastRunRow = {
  id: string;
  iso3: string;
  origin: MonthKey;
  maxHorizon: number;
  modelVersion: string;
  parameters: Record<string, unknown>;
  datasetVersions: TDatasetVersion[];
  trainingRows: number;
  trigger: Channel;
  requestedBy: string;
  finishedAt: Date;
};

export type StoredCellForecast = {
  priogridGid: number;
  lat: number;
  lon: number;
  month: MonthKey;
  horizon: number;
  pGt0: number;
};

export const insertCellForecastRun = async (
  db: Db,
  run: Omit<CellForecastRunRow, "id" | "finishedAt">,
  forecasts: readonly StoredCellForecast[],
): Promise<string> => {
  const { id } = await db
    .insertInto("cell_forecast_runs")
    .values({
      iso3: run.iso3,
      origin: `${run.origin}-01`,
      max_horizon: run.maxHorizon,
      model_version: run.modelVersion,
      parameters: JSON.stringify(run.parameters),
      dataset_versions: JSON.stringify(run.datasetVersions),
      training_rows: run.trainingRows,
      trigger: run.trigger,
      requested_by: run.requestedBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const part of chunks(forecasts, 1000)) {
    await db
      .insertInto("cell_forecasts")
      .values(
        part.map((f) => ({
          run_id: id,
          priogrid_gid: f.priogridGid,
          month: `${f.month}-01`,
          horizon: f.horizon,
          p_gt0: f.pGt0,
        })),
      )
      .execute();
  }
  return id;
};

/** A run by its id, or a country's newest run from `origin` if given, else from its latest origin. */
export const findCellForecastRun = async (
  db: Db,
  which: { id: string } | { iso3: string; origin?: MonthKey | undefined },
): Promise<CellForecastRunRow | undefined> => {
  let q = db
    .selectFrom("cell_forecast_runs")
    .select([
      "id",
      "iso3",
      sql<string>`to_char(origin, 'YYYY-MM')`.as("origin"),
      "max_horizon as maxHorizon",
      "model_version as modelVersion",
      sql<Record<string, unknown>>`parameters`.as("parameters"),
      sql<TDatasetVersion[]>`dataset_versions`.as("datasetVersions"),
      "training_rows as trainingRows",
      sql<Channel>`trigger`.as("trigger"),
      "requested_by as requestedBy",
      "finished_at as finishedAt",
    ])
    .orderBy("origin", "desc")
    .orderBy("finished_at", "desc")
    .limit(1);
  if ("id" in which) q = q.where("id", "=", which.id);
  else q = q.where("iso3", "=", which.iso3);
  if ("origin" in which && which.origin) q = q.where("origin", "=", `${which.origin}-01`);
  return q.executeTakeFirst();
};

/** A run's forecasts, by horizon then cell; one horizon if given. */
export const queryCellForecasts = async (
  db: Db,
  runId: string,
  horizon?: number,
): Promise<StoredCellForecast[]> => {
  let q = db
    .selectFrom("cell_forecasts")
    .select([
      "priogrid_gid as priogridGid",
      sql<string>`to_char(month, 'YYYY-MM')`.as("month"),
      "horizon",
      "p_gt0 as pGt0",
    ])
    .where("run_id", "=", runId)
    .orderBy("horizon")
    .orderBy("priogrid_gid");
  if (horizon !== undefined) q = q.where("horizon", "=", horizon);
  const rows = await q.execute();
  return rows.map((r) => {
    const { lat, lon } = priogridCell(r.priogridGid);
    return { ...r, lat, lon };
  });
};
