import { z } from "zod";
import { ZMonth } from "../../shared/calendar.schemas.ts";
import { ZIso3Code } from "../warning.schemas.ts";

/** What a cell forecast run is asked for; the origin defaults to the month of the country's latest event. */
export const ZStartCellForecast = z.object({
  iso3: ZIso3Code,
  origin: ZMonth.optional(),
  maxHorizon: z.number().int().min(1).max(12).default(12),
});
export type TStartCellForecast = z.input<typeof ZStartCellForecast>;

export const ZCellForecastQuery = z.object({
  origin: ZMonth.optional(),
  horizon: z.coerce.number().int().min(1).max(12).optional(),
});

/** A cell forecast as a file: the CSV `continuum forecast-cells --out` writes, or GeoJSON cells for a GIS. */
export const ZCellForecastExportQuery = ZCellForecastQuery.extend({
  format: z.enum(["csv", "geojson"]).default("csv"),
});
export type TCellForecastFormat = z.infer<typeof ZCellForecastExportQuery>["format"];

export const ZCellForecast = z.object({
  priogridGid: z.number().int(),
  lat: z.number(),
  lon: z.number(),
  month: z.string(),
  horizon: z.number().int(),
  pGt0: z.number(),
});

export const ZCellForecastView = z.object({
  run: z.object({
    id: z.string(),
    iso3: z.string(),
    origin: z.string(),
    maxHorizon: z.number().int(),
    modelVersion: z.string(),
    trainingRows: z.number().int(),
    finishedAt: z.string(),
  }),
  forecasts: z.array(ZCellForecast),
});
export type TCellForecastView = z.infer<typeof ZCellForecastView>;
