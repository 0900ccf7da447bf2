-- The process running a forecast or backtest (host:pid): a run left "running" by a process that stopped
-- (a restart, a crash) can then be told from one still in progress, and closed as interrupted.

ALTER TABLE forecast_runs ADD COLUMN runner text;
ALTER TABLE backtest_runs ADD COLUMN runner text;
