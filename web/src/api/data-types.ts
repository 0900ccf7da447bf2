/** Conflict data as the API returns it: the same schemas the server validates its answers with. */
import type { z } from "zod";
import type {
  ZConflictYear,
  ZCountry,
  ZCountryDetail,
  ZCountryMonth,
  ZCountryTotal,
  ZDataStatus,
  ZEvent,
  ZEventPoints,
  ZImportJob,
  ZImportKindColumns,
  ZIndicator,
  ZIndicatorValue,
} from "../../../src/core/data/data.schemas.ts";

export type Country = z.infer<typeof ZCountry>;
export type CountryDetail = z.infer<typeof ZCountryDetail>;
export type CountryMonth = z.infer<typeof ZCountryMonth>;
export type CountryTotal = z.infer<typeof ZCountryTotal>;
export type ConflictYear = z.infer<typeof ZConflictYear>;
export type DataEvent = z.infer<typeof ZEvent>;
export type EventPoints = z.infer<typeof ZEventPoints>;
export type DataStatus = z.infer<typeof ZDataStatus>;
export type ImportJob = z.infer<typeof ZImportJob>;
export type ImportKindColumns = z.infer<typeof ZImportKindColumns>;
export type Indicator = z.infer<typeof ZIndicator>;
export type IndicatorValue = z.infer<typeof ZIndicatorValue>;

/** Query strings without empty values. */
export const query = (params: Record<string, string | number | undefined | null>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
};
