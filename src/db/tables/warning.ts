import type { Generated } from "kysely";
import type { DateColumn, Json, Timestamp } from "./columns.ts";

// Early warning (migration 0003). Months are stored as the first day of the month.

type ForecastRunsTable = {
  id: Generated<string>;
  origin: DateColumn;
  max_horizon: number;
  status: string;
  model_version: string;
  parameters: Json;
  dataset_versions: Json;
  scores: Json;
  trigger: string;
  requested_by: string;
  started_at: Timestamp;
  finished_at: Date | null;
  error: string | null;
  /** Migration 0007. */
  progress: Json;
  /** `host:pid` of the process running it (migration 0010). */
  runner: string | null;
  /** The forecast shown to everyone for its origin (migration 0017; the rule is in run-forecast.ts). */
  published: Generated<boolean>;
};

type ForecastsTable = {
  run_id: string;
  iso3: string;
  gwcode: number;
  month: DateColumn;
  horizon: number;
  p_gt0: number;
  p_ge25: number;
  mean: number;
  q10: number;
  q50: number;
  q90: number;
  drivers: Json;
};

type BacktestRunsTable = {
  id: Generated<string>;
  origins: Json;
  max_horizon: number;
  status: string;
  model_version: string;
  parameters: Json;
  dataset_versions: Json;
  report: Json;
  progress: Json;
  requested_by: string;
  started_at: Timestamp;
  finished_at: Date | null;
  error: string | null;
  /** Migration 0007. */
  timings: Json;
  /** `host:pid` of the process running it (migration 0010). */
  runner: string | null;
};

// Cell forecasts (migration 0023): a run is stored whole once trained, so it has no status or progress.
type CellForecastRunsTable = {
  id: Generated<string>;
  iso3: string;
  origin: DateColumn;
  max_horizon: number;
  model_version: string;
  parameters: Json;
  dataset_versions: Json;
  training_rows: number;
  trigger: string;
  requested_by: string;
  finished_at: Timestamp;
};

type CellForecastsTable = {
  run_id: string;
  priogrid_gid: number;
  month: DateColumn;
  horizon: number;
  p_gt0: number;
};

export type WarningTables = {
  forecast_runs: ForecastRunsTable;
  forecasts: ForecastsTable;
  backtest_runs: BacktestRunsTable;
  cell_forecast_runs: CellForecastRunsTable;
  cell_forecasts: CellForecastsTable;
};
