-- Early warning jobs: progress of a forecast run while it runs, and the time each backtest spent on the
-- model beside the naive baselines.

ALTER TABLE forecast_runs ADD COLUMN progress jsonb;
ALTER TABLE backtest_runs ADD COLUMN timings jsonb;
CREATE INDEX forecast_runs_finished ON forecast_runs (status, finished_at DESC);
CREATE INDEX backtest_runs_started ON backtest_runs (started_at DESC);
