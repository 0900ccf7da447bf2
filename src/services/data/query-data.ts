import { datasetsToRead, type Series } from "../../core/data/reference-datasets.ts";
import { unmatchedStates } from "../../core/data/registry.ts";
import { notFound } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import {
  type CountryDetail,
  type CountrySummary,
  findCountry,
  listCountries,
  listCrosswalk,
  loadRegistry,
} from "../../repositories/data/registry.repository.ts";
import {
  type Bbox,
  type EventFilter,
  findEvent,
  queryConflicts,
  queryCountryMonths,
  queryCountryTotals,
  queryEventPoints,
  queryEvents,
  queryGridMonths,
  queryIndicatorDefinitions,
  queryIndicatorValues,
  type SeriesFilter,
} from "../../repositories/data/series.repository.ts";

/** Read-only data queries used by the API and the web pages (conflict data is public reference data). */
export const listCountriesService = (
  db: Db,
  filter: { search?: string; independentOnly?: boolean; existingOn?: string } = {},
): Promise<CountrySummary[]> => listCountries(db, filter);

export const getCountry = async (db: Db, iso3: string): Promise<CountryDetail> => {
  const country = await findCountry(db, iso3.toUpperCase());
  if (!country) throw notFound(`Country ${iso3}`);
  return country;
};

/** The GW ↔ ISO3 crosswalk, and the GW states with no ISO match with their reasons. */
export const getCrosswalk = async (db: Db) => {
  const [rows, registry] = await Promise.all([listCrosswalk(db), loadRegistry(db)]);
  return { rows, unmatched: unmatchedStates(registry) };
};

// Reads cover the reference datasets unless the caller names others (see reference-datasets.ts).

export const countryMonthSeries = (db: Db, filter: SeriesFilter) =>
  queryCountryMonths(db, { ...filter, datasetIds: datasetsToRead(filter.datasetIds, filter.series) });

export const gridMonthSeries = (
  db: Db,
  filter: { bbox?: Bbox; gids?: number[]; from?: string; to?: string; datasetIds?: string[]; limit?: number },
) => queryGridMonths(db, { ...filter, datasetIds: datasetsToRead(filter.datasetIds, "events") });

export const listEvents = (db: Db, filter: EventFilter) =>
  queryEvents(db, { ...filter, datasetIds: datasetsToRead(filter.datasetIds, "events") });

export const listConflicts = (
  db: Db,
  filter: { iso3?: string; fromYear?: number; toYear?: number; datasetIds?: string[] },
) => queryConflicts(db, { ...filter, datasetIds: datasetsToRead(filter.datasetIds, "conflicts") });

export const listIndicators = (db: Db, filter: { iso3?: string } = {}) =>
  queryIndicatorDefinitions(db, filter);

export const indicatorSeries = (
  db: Db,
  filter: { datasetId?: string; indicator: string; iso3?: string[]; fromYear?: number; toYear?: number },
) => queryIndicatorValues(db, filter);

/** Fatalities per country over a span of months, for the world map. */
export const countryTotals = (
  db: Db,
  filter: { from: string; to: string; series: Series; datasetIds?: string[] },
) => queryCountryTotals(db, { ...filter, datasetIds: datasetsToRead(filter.datasetIds, filter.series) });

/** A country's events as map points. */
export const eventPoints = (
  db: Db,
  filter: { iso3: string; from?: string; to?: string; datasetIds?: string[] },
) => queryEventPoints(db, { ...filter, datasetIds: datasetsToRead(filter.datasetIds, "events") });

export const getEvent = async (db: Db, datasetId: string, sourceEventId: string) => {
  const event = await findEvent(db, datasetId, sourceEventId);
  if (!event) throw notFound(`Event ${sourceEventId} of ${datasetId}`);
  return event;
};
