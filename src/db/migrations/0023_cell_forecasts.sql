-- Forecasts per PRIO-GRID cell: one run per country and origin, trained on that country's GED events, with
-- P(at least one state-based death) per cell and month ahead.

CREATE TABLE cell_forecast_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  iso3 text NOT NULL,
  origin date NOT NULL CHECK (extract(day FROM origin) = 1),
  max_horizon integer NOT NULL CHECK (max_horizon BETWEEN 1 AND 36),
  model_version text NOT NULL,
  parameters jsonb NOT NULL,
  dataset_versions jsonb NOT NULL,
  training_rows integer NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('cli', 'api', 'system')),
  requested_by text NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cell_forecast_runs_country ON cell_forecast_runs (iso3, origin DESC, finished_at DESC);

CREATE TABLE cell_forecasts (
  run_id uuid NOT NULL REFERENCES cell_forecast_runs (id) ON DELETE CASCADE,
  priogrid_gid integer NOT NULL CHECK (priogrid_gid BETWEEN 1 AND 259200),
  month date NOT NULL,
  horizon integer NOT NULL,
  p_gt0 double precision NOT NULL CHECK (p_gt0 BETWEEN 0 AND 1),
  PRIMARY KEY (run_id, horizon, priogrid_gid)
);
