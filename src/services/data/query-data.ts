import type { Series } from "../../core/data/reference-datasets.ts";
import { notFound } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import {
  type CountryDetail,
  type CountrySummary,
  findCountry,
  listCountries as selectCountries,
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
import type { ServiceContext } from "../shared/context.ts";
import { datasetsToQuery, readableDatasetIds } from "./readable-datasets.ts";

/** Read-only data queries used by the API and the web pages: the registry is public, datasets follow `canReadDataset`. */
export const listCountries = (
  db: Db,
  filter: { search?: string; independentOnly?: boolean; existingOn?: string } = {},
): Promise<CountrySummary[]> => selectCountries(db, filter);

export const getCountry = async (db: Db, iso3: string): Promise<CountryDetail> => {
  const country = await findCountry(db, iso3.toUpperCase());
  if (!country) throw notFound(`Country ${iso3}`);
  return country;
};

// Reads cover the shared reference datasets unless the caller names others it may read (readable-datasets.ts).

export const countryMonthSeries = async (ctx: ServiceContext, filter: SeriesFilter) =>
  queryCountryMonths(ctx.db, {
    ...filter,
    datasetIds: await datasetsToQuery(ctx, filter.datasetIds, filter.series),
  });

export const gridMonthSeries = async (
  ctx: ServiceContext,
  filter: { bbox?: Bbox; gids?: number[]; from?: string; to?: string; datasetIds?: string[]; limit?: number },
) =>
  queryGridMonths(ctx.db, { ...filter, datasetIds: await datasetsToQuery(ctx, filter.datasetIds, "events") });

export const listEvents = async (ctx: ServiceContext, filter: EventFilter) =>
  queryEvents(ctx.db, { ...filter, datasetIds: await datasetsToQuery(ctx, filter.datasetIds, "events") });

export const listConflicts = async (
  ctx: ServiceContext,
  filter: { iso3?: string; fromYear?: number; toYear?: number; datasetIds?: string[] },
) =>
  queryConflicts(ctx.db, {
    ...filter,
    datasetIds: await datasetsToQuery(ctx, filter.datasetIds, "conflicts"),
  });

export const listIndicators = async (ctx: ServiceContext, filter: { iso3?: string } = {}) => {
  const readable = await readableDatasetIds(ctx);
  return (await queryIndicatorDefinitions(ctx.db, filter)).filter((d) => readable.has(d.dataset_id));
};

/** An indicator's values from the named dataset, or from every dataset the actor reads. */
export const indicatorSeries = async (
  ctx: ServiceContext,
  filter: { datasetId?: string; indicator: string; iso3?: string[]; fromYear?: number; toYear?: number },
) => {
  const { datasetId, ...rest } = filter;
  const datasetIds = datasetId
    ? await datasetsToQuery(ctx, [datasetId])
    : [...(await readableDatasetIds(ctx))];
  return queryIndicatorValues(ctx.db, { ...rest, datasetIds });
};

/** Fatalities per country over a span of months, for the world map. */
export const countryTotals = async (
  ctx: ServiceContext,
  filter: { from: string; to: string; series: Series; datasetIds?: string[] },
) =>
  queryCountryTotals(ctx.db, {
    ...filter,
    datasetIds: await datasetsToQuery(ctx, filter.datasetIds, filter.series),
  });

/** A country's events as map points. */
export const eventPoints = async (
  ctx: ServiceContext,
  filter: { iso3: string; from?: string; to?: string; datasetIds?: string[] },
) =>
  queryEventPoints(ctx.db, {
    ...filter,
    datasetIds: await datasetsToQuery(ctx, filter.datasetIds, "events"),
  });

export const getEvent = async (ctx: ServiceContext, datasetId: string, sourceEventId: string) => {
  await datasetsToQuery(ctx, [datasetId]);
  const event = await findEvent(ctx.db, datasetId, sourceEventId);
  if (!event) throw notFound(`Event ${sourceEventId} of ${datasetId}`);
  return event;
};
