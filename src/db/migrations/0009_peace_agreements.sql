-- UCDP Peace Agreement Dataset: one row per agreement. gwno keeps the Gleditsch–Ward codes as the file
-- lists them ("471, 475" for an agreement between two states); iso3 holds their ISO3 codes on pa_date,
-- without the states that have no ISO match. conflict_id is set when the agreement concerns a single
-- conflict, so it joins conflicts; conflict_ids keeps every conflict id the file lists ("389, 398").
ALTER TABLE datasets DROP CONSTRAINT datasets_kind_check;
ALTER TABLE datasets ADD CONSTRAINT datasets_kind_check
  CHECK (kind IN ('registry', 'ged', 'views-cm', 'acd', 'peace-agreements', 'acled', 'indicators', 'hxl'));

CREATE TABLE peace_agreements (
  dataset_id text NOT NULL REFERENCES datasets (id),
  dataset_version text NOT NULL,
  paid integer NOT NULL,
  conflict_id integer,
  conflict_ids text NOT NULL,
  conflict_name text,
  gwno text NOT NULL,
  iso3 text,
  year integer NOT NULL,
  pa_date date NOT NULL,
  pa_name text NOT NULL,
  pa_type smallint NOT NULL CHECK (pa_type IN (1, 2, 3)),
  version text,
  PRIMARY KEY (dataset_id, paid)
);
CREATE INDEX peace_agreements_pa_date ON peace_agreements (pa_date);
