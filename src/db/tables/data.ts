import type { Generated } from "kysely";
import type { DateColumn, Json, NullableDate, Timestamp } from "./columns.ts";

// Conflict data (migrations 0002, 0009): every data row carries its dataset id and version.

type DatasetsTable = {
  id: string;
  kind: string;
  title: string;
  version: string;
  licence: Generated<string>;
  licence_url: string | null;
  citation: Generated<string>;
  source: Generated<string>;
  file_name: string | null;
  file_sha256: string | null;
  imported_at: Timestamp;
  imported_by: string | null;
  row_count: Generated<number>;
  skipped_count: Generated<number>;
  span_start: NullableDate;
  span_end: NullableDate;
  coverage: Json;
  owner_org_id: string | null;
};

type DatasetReplacementsTable = {
  id: Generated<string>;
  dataset_id: string;
  replaced_at: Timestamp;
  replaced_by: string | null;
  previous_version: string;
  new_version: string;
  previous_sha256: string | null;
  new_sha256: string | null;
  previous_row_count: number;
  new_row_count: number;
  rows_added: number;
  rows_removed: number;
  rows_changed: number;
};

type Provenance = { dataset_id: string; dataset_version: string };

type CountriesTable = Provenance & {
  iso3: string;
  iso2: string | null;
  iso_numeric: number | null;
  name: string;
  official_name: string | null;
  /** UN language code → formal name (UNTERM). */
  official_names: Json;
  region: string | null;
  subregion: string | null;
  gwcode: number | null;
  iso_status: string;
  independent: Generated<boolean>;
  valid_from: NullableDate;
  valid_to: NullableDate;
  capital: string | null;
  capital_lat: number | null;
  capital_lon: number | null;
};

type CountryCrosswalkTable = Provenance & {
  id: Generated<number>;
  gwcode: number;
  gw_name: string;
  gw_abbreviation: string | null;
  gw_listed: boolean;
  iso3: string | null;
  valid_from: NullableDate;
  valid_to: NullableDate;
  is_primary: boolean;
  note: Generated<string>;
};

type CountryCapitalsTable = Provenance & {
  gwcode: number;
  iso3: string | null;
  capital: string;
  valid_from: NullableDate;
  valid_to: NullableDate;
  latitude: number;
  longitude: number;
};

type EventsTable = Provenance & {
  source: string;
  source_event_id: string;
  type_of_violence: number | null;
  event_type: string | null;
  sub_event_type: string | null;
  date_start: DateColumn;
  date_end: DateColumn;
  month: DateColumn;
  best: number;
  low: number;
  high: number;
  latitude: number | null;
  longitude: number | null;
  priogrid_gid: number | null;
  gwcode: number | null;
  iso3: string | null;
  country: string | null;
  adm1: string | null;
  adm2: string | null;
  where_prec: number | null;
  date_prec: number | null;
  conflict_name: string | null;
  side_a: string | null;
  side_b: string | null;
  source_version: string | null;
};

type CountryMonthTable = Provenance & {
  series: string;
  iso3: string;
  month: DateColumn;
  unit_id: Generated<number>;
  gwcode: number | null;
  sb_best: number | null;
  sb_low: number | null;
  sb_high: number | null;
  ns_best: number | null;
  ns_low: number | null;
  ns_high: number | null;
  os_best: number | null;
  os_low: number | null;
  os_high: number | null;
  other_best: number | null;
  event_count: number | null;
};

type GridMonthTable = Provenance & {
  priogrid_gid: number;
  month: DateColumn;
  sb_best: number;
  ns_best: number;
  os_best: number;
  other_best: number;
  sb_low: number;
  sb_high: number;
  event_count: number;
};

export type ConflictsTable = Provenance & {
  conflict_id: number;
  year: number;
  location: string;
  side_a: string;
  side_a_id: string | null;
  side_a_2nd: string | null;
  side_b: string;
  side_b_id: string | null;
  side_b_2nd: string | null;
  incompatibility: number;
  territory_name: string | null;
  intensity_level: number;
  cumulative_intensity: number | null;
  type_of_conflict: number;
  start_date: NullableDate;
  start_prec: number | null;
  start_date2: NullableDate;
  start_prec2: number | null;
  ep_end: number | null;
  ep_end_date: NullableDate;
  ep_end_prec: number | null;
  gwno_a: string | null;
  gwno_a_2nd: string | null;
  gwno_b: string | null;
  gwno_b_2nd: string | null;
  gwno_loc: string;
  iso3_loc: string | null;
  region: string | null;
  version: string | null;
};

type PeaceAgreementsTable = Provenance & {
  paid: number;
  conflict_id: number | null;
  conflict_ids: string;
  conflict_name: string | null;
  gwno: string;
  iso3: string | null;
  year: number;
  pa_date: DateColumn;
  pa_name: string;
  pa_type: number;
  version: string | null;
};

export type IndicatorDefinitionsTable = {
  dataset_id: string;
  code: string;
  name: string;
  unit: Generated<string>;
  description: Generated<string>;
  source: Generated<string>;
  licence: Generated<string>;
  value_count: Generated<number>;
};

type IndicatorValuesTable = Provenance & {
  indicator: string;
  country_ref: string;
  iso3: string | null;
  gwcode: number | null;
  year: number;
  value: number;
};

export type DataTables = {
  datasets: DatasetsTable;
  dataset_replacements: DatasetReplacementsTable;
  countries: CountriesTable;
  country_crosswalk: CountryCrosswalkTable;
  country_capitals: CountryCapitalsTable;
  events: EventsTable;
  country_month: CountryMonthTable;
  grid_month: GridMonthTable;
  conflicts: ConflictsTable;
  peace_agreements: PeaceAgreementsTable;
  indicator_definitions: IndicatorDefinitionsTable;
  indicator_values: IndicatorValuesTable;
};
