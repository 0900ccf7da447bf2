-- Events are partitioned by dataset. An import loads a new partition without indexes, builds its indexes in
-- one pass when it is attached, and swaps it for the dataset's previous partition, all in one transaction:
-- far cheaper than maintaining five indexes row by row, and a replaced release is dropped, not deleted
-- row by row. Rows of datasets loaded before this migration stay in the default partition.
ALTER TABLE events RENAME TO events_unpartitioned;
ALTER TABLE events_unpartitioned RENAME CONSTRAINT events_pkey TO events_unpartitioned_pkey;
DROP INDEX events_country_month;
DROP INDEX events_month;
DROP INDEX events_location;
DROP INDEX events_grid;

CREATE TABLE events (
  LIKE events_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  PRIMARY KEY (dataset_id, source_event_id),
  FOREIGN KEY (dataset_id) REFERENCES datasets (id)
) PARTITION BY LIST (dataset_id);
CREATE TABLE events_default PARTITION OF events DEFAULT;

INSERT INTO events SELECT * FROM events_unpartitioned;
DROP TABLE events_unpartitioned;

-- Events are looked up by country and month (country pages, reviews, gazetteer) and by place (bounding
-- boxes). Month-only and cell-only questions are answered by the aggregates (country_month, grid_month),
-- so the former month and cell indexes on events are not rebuilt: each import would pay for them unused.
CREATE INDEX events_country_month ON events (iso3, month);
CREATE INDEX events_location ON events (latitude, longitude);
