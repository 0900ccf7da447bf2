-- Early warning: forecast runs with their model, parameters and data versions; forecasts per country,
-- target month and horizon; backtests with their full report.

CREATE TABLE forecast_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  origin date NOT NULL CHECK (extract(day FROM origin) = 1),
  max_horizon integer NOT NULL CHECK (max_horizon BETWEEN 1 AND 36),
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  model_version text NOT NULL,
  parameters jsonb NOT NULL,
  dataset_versions jsonb NOT NULL,
  scores jsonb,
  trigger text NOT NULL CHECK (trigger IN ('cli', 'api', 'import', 'schedule')),
  requested_by text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  error text
);
CREATE INDEX forecast_runs_origin ON forecast_runs (origin, started_at DESC);

CREATE TABLE forecasts (
  run_id uuid NOT NULL REFERENCES forecast_runs (id) ON DELETE CASCADE,
  iso3 text NOT NULL,
  gwcode integer NOT NULL,
  month date NOT NULL,
  horizon integer NOT NULL,
  p_gt0 double precision NOT NULL CHECK (p_gt0 BETWEEN 0 AND 1),
  p_ge25 double precision NOT NULL CHECK (p_ge25 BETWEEN 0 AND 1),
  mean double precision NOT NULL CHECK (mean >= 0),
  q10 double precision NOT NULL,
  q50 double precision NOT NULL,
  q90 double precision NOT NULL,
  drivers jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (run_id, iso3, horizon)
);
CREATE INDEX forecasts_country ON forecasts (iso3, month);

CREATE TABLE backtest_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  origins jsonb NOT NULL,
  max_horizon integer NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  model_version text NOT NULL,
  parameters jsonb NOT NULL,
  dataset_versions jsonb NOT NULL,
  report jsonb,
  progress jsonb,
  requested_by text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  error text
);
