-- PRIO-GRID-month aggregates are partitioned by dataset, as events are (0007): an import writes a dataset's
-- grid-months into a new table without indexes or per-row foreign-key checks, builds its key and index in
-- one pass and swaps it for the dataset's previous partition, in the import's transaction. Rows of datasets
-- loaded before this migration stay in the default partition.
ALTER TABLE grid_month RENAME TO grid_month_unpartitioned;
ALTER TABLE grid_month_unpartitioned RENAME CONSTRAINT grid_month_pkey TO grid_month_unpartitioned_pkey;
DROP INDEX grid_month_month;

CREATE TABLE grid_month (
  LIKE grid_month_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  PRIMARY KEY (dataset_id, priogrid_gid, month),
  FOREIGN KEY (dataset_id) REFERENCES datasets (id)
) PARTITION BY LIST (dataset_id);
CREATE TABLE grid_month_default PARTITION OF grid_month DEFAULT;

INSERT INTO grid_month SELECT * FROM grid_month_unpartitioned;
DROP TABLE grid_month_unpartitioned;

CREATE INDEX grid_month_month ON grid_month (month, priogrid_gid);
