-- A published forecast run is the forecast the map, the watchlist, country pages, reviews and alert rules read:
-- the model's standard settings over the full horizon from a month that has every country the month before had,
-- or a run a platform administrator chose to publish. Other runs are experiments, stored and readable by id.
ALTER TABLE forecast_runs ADD COLUMN published boolean NOT NULL DEFAULT true;
CREATE INDEX forecast_runs_published ON forecast_runs (origin DESC, finished_at DESC) WHERE published AND status = 'succeeded';
