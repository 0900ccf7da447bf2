-- Conflict data: country registry and crosswalk, datasets with provenance, events, country-month and
-- PRIO-GRID-month series, conflict-years and country-year indicators. Every data row carries the id and
-- version of the dataset it came from, so its licence and citation can always be traced.

CREATE TABLE datasets (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('registry', 'ged', 'views-cm', 'acd', 'acled', 'indicators', 'hxl')),
  title text NOT NULL,
  version text NOT NULL,
  licence text NOT NULL DEFAULT '',
  licence_url text,
  citation text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT '',
  file_name text,
  file_sha256 text,
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by text,
  row_count integer NOT NULL DEFAULT 0,
  skipped_count integer NOT NULL DEFAULT 0,
  span_start date,
  span_end date,
  coverage jsonb
);

-- One row each time a dataset's rows were replaced by a different file or release.
CREATE TABLE dataset_replacements (
  id bigserial PRIMARY KEY,
  dataset_id text NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  replaced_at timestamptz NOT NULL DEFAULT now(),
  replaced_by text,
  previous_version text NOT NULL,
  new_version text NOT NULL,
  previous_sha256 text,
  new_sha256 text,
  previous_row_count integer NOT NULL,
  new_row_count integer NOT NULL,
  rows_added integer NOT NULL,
  rows_removed integer NOT NULL,
  rows_changed integer NOT NULL
);
CREATE INDEX dataset_replacements_dataset ON dataset_replacements (dataset_id, replaced_at);

-- Countries: ISO 3166-1 entries, plus the withdrawn ISO 3166-3 codes and user-assigned codes (XKX) that
-- conflict data still uses for dissolved or partially recognised states.
CREATE TABLE countries (
  iso3 text PRIMARY KEY CHECK (iso3 ~ '^[A-Z]{3}$'),
  iso2 text,
  iso_numeric integer,
  name text NOT NULL,
  official_name text,
  region text,
  subregion text,
  gwcode integer,
  iso_status text NOT NULL CHECK (iso_status IN ('current', 'withdrawn', 'user_assigned')),
  independent boolean NOT NULL DEFAULT false,
  valid_from date,
  valid_to date,
  capital text,
  capital_lat double precision,
  capital_lon double precision,
  dataset_id text NOT NULL REFERENCES datasets (id),
  dataset_version text NOT NULL
);
CREATE INDEX countries_gwcode ON countries (gwcode);

-- Explicit Gleditsch–Ward ↔ ISO 3166 alpha-3 crosswalk with validity dates; iso3 is null (with the reason
-- in note) for states that have no ISO match.
CREATE TABLE country_crosswalk (
  id serial PRIMARY KEY,
  gwcode integer NOT NULL,
  gw_name text NOT NULL,
  gw_abbreviation text,
  gw_listed boolean NOT NULL,
  iso3 text,
  valid_from date,
  valid_to date,
  is_primary boolean NOT NULL,
  note text NOT NULL DEFAULT '',
  dataset_id text NOT NULL REFERENCES datasets (id),
  dataset_version text NOT NULL
);
CREATE INDEX country_crosswalk_gwcode ON country_crosswalk (gwcode);
CREATE INDEX country_crosswalk_iso3 ON country_crosswalk (iso3);

CREATE TABLE country_capitals (
  gwcode integer NOT NULL,
  iso3 text,
  capital text NOT NULL,
  valid_from date,
  valid_to date,
  latitude double precision NOT NULL,
  longitude double precision NOT NULL,
  dataset_id text NOT NULL REFERENCES datasets (id),
  dataset_version text NOT NULL
);
CREATE INDEX country_capitals_gwcode ON country_capitals (gwcode);

-- Events from UCDP GED, ACLED and HXL files in one shape; month is the month of date_start.
CREATE TABLE events (
  dataset_id text NOT NULL REFERENCES datasets (id),
  dataset_version text NOT NULL,
  source text NOT NULL,
  source_event_id text NOT NULL,
  type_of_violence smallint CHECK (type_of_violence IN (1, 2, 3)),
  event_type text,
  sub_event_type text,
  date_start date NOT NULL,
  date_end date NOT NULL,
  month date NOT NULL,
  best integer NOT NULL CHECK (best >= 0),
  low integer NOT NULL CHECK (low >= 0),
  high integer NOT NULL CHECK (high >= 0),
  latitude double precision,
  longitude double precision,
  priogrid_gid integer,
  gwcode integer,
  iso3 text,
  country text,
  adm1 text,
  adm2 text,
  where_prec smallint,
  date_prec smallint,
  conflict_name text,
  side_a text,
  side_b text,
  source_version text,
  PRIMARY KEY (dataset_id, source_event_id)
);
CREATE INDEX events_country_month ON events (iso3, month);
CREATE INDEX events_month ON events (month);
CREATE INDEX events_location ON events (latitude, longitude);
CREATE INDEX events_grid ON events (priogrid_gid, month);

-- Country-month series: ViEWS cm values (unit_id = ViEWS country_id) and event aggregates (unit_id 0).
CREATE TABLE country_month (
  dataset_id text NOT NULL REFERENCES datasets (id),
  dataset_version text NOT NULL,
  series text NOT NULL CHECK (series IN ('views', 'events')),
  iso3 text NOT NULL,
  month date NOT NULL,
  unit_id integer NOT NULL DEFAULT 0,
  gwcode integer,
  sb_best double precision,
  sb_low double precision,
  sb_high double precision,
  ns_best double precision,
  ns_low double precision,
  ns_high double precision,
  os_best double precision,
  os_low double precision,
  os_high double precision,
  other_best double precision,
  event_count integer,
  PRIMARY KEY (dataset_id, iso3, month, unit_id)
);
CREATE INDEX country_month_iso3 ON country_month (iso3, month);
CREATE INDEX country_month_month ON country_month (month);

-- PRIO-GRID-month event aggregates (cells with at least one event in the month).
CREATE TABLE grid_month (
  dataset_id text NOT NULL REFERENCES datasets (id),
  dataset_version text NOT NULL,
  priogrid_gid integer NOT NULL CHECK (priogrid_gid BETWEEN 1 AND 259200),
  month date NOT NULL,
  sb_best double precision NOT NULL,
  ns_best double precision NOT NULL,
  os_best double precision NOT NULL,
  other_best double precision NOT NULL,
  sb_low double precision NOT NULL,
  sb_high double precision NOT NULL,
  event_count integer NOT NULL,
  PRIMARY KEY (dataset_id, priogrid_gid, month)
);
CREATE INDEX grid_month_month ON grid_month (month, priogrid_gid);

-- UCDP/PRIO Armed Conflict Dataset conflict-years.
CREATE TABLE conflicts (
  dataset_id text NOT NULL REFERENCES datasets (id),
  dataset_version text NOT NULL,
  conflict_id integer NOT NULL,
  year integer NOT NULL,
  location text NOT NULL,
  side_a text NOT NULL,
  side_a_id text,
  side_a_2nd text,
  side_b text NOT NULL,
  side_b_id text,
  side_b_2nd text,
  incompatibility smallint NOT NULL,
  territory_name text,
  intensity_level smallint NOT NULL,
  cumulative_intensity smallint,
  type_of_conflict smallint NOT NULL,
  start_date date,
  start_prec smallint,
  start_date2 date,
  start_prec2 smallint,
  ep_end smallint,
  ep_end_date date,
  ep_end_prec smallint,
  gwno_a text,
  gwno_a_2nd text,
  gwno_b text,
  gwno_b_2nd text,
  gwno_loc text NOT NULL,
  iso3_loc text,
  region text,
  version text,
  PRIMARY KEY (dataset_id, conflict_id, year)
);
CREATE INDEX conflicts_year ON conflicts (year);

CREATE TABLE indicator_definitions (
  dataset_id text NOT NULL REFERENCES datasets (id),
  code text NOT NULL,
  name text NOT NULL,
  unit text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT '',
  licence text NOT NULL DEFAULT '',
  value_count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (dataset_id, code)
);

-- Country-year values; country_ref is the ISO3 code, or 'GW<code>' for states without an ISO match.
CREATE TABLE indicator_values (
  dataset_id text NOT NULL REFERENCES datasets (id),
  dataset_version text NOT NULL,
  indicator text NOT NULL,
  country_ref text NOT NULL,
  iso3 text,
  gwcode integer,
  year integer NOT NULL,
  value double precision NOT NULL,
  PRIMARY KEY (dataset_id, indicator, country_ref, year)
);
CREATE INDEX indicator_values_country ON indicator_values (iso3, indicator, year);
CREATE INDEX indicator_values_indicator ON indicator_values (indicator, year);
