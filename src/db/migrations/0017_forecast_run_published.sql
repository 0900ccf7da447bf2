-- A forecast run is published when it uses the model's standard settings over the full horizon: that is the
-- forecast the map, the watchlist, country pages, reviews and alert rules read. A run with other settings (fewer
-- rounds, a shorter horizon) is an experiment: stored and readable by its id, never shown as the forecast.
ALTER TABLE forecast_runs ADD COLUMN published boolean NOT NULL DEFAULT true;
CREATE INDEX forecast_runs_published ON forecast_runs (origin DESC, finished_at DESC) WHERE published AND status = 'succeeded';
