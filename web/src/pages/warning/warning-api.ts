/** The early-warning API as the pages use it; types are the server's own zod schemas. */

import type {
  TBacktestRun,
  TCountryForecast,
  TForecast,
  TForecastRun,
  TForecastRunWithEvidence,
  TLatestOrigin,
  TRiskMeasure,
  TWatchlist,
} from "../../../../src/core/warning/warning.schemas.ts";
import { WATCHLIST_MAX_LIMIT } from "../../../../src/core/warning/warning.schemas.ts";
import { api, get } from "../../api/client.ts";

export { percent } from "../../../../src/core/warning/probability-text.ts";
export type {
  TBacktestReport as BacktestReport,
  TBacktestRun as BacktestRun,
  TCountryForecast as CountryForecast,
  TDriver as Driver,
  TRiskMeasure as RiskMeasure,
  TScoreSet as ScoreSet,
} from "../../../../src/core/warning/warning.schemas.ts";

export const fetchLatestForecasts = () =>
  get<{ run: TForecastRun; forecasts: TForecast[] }>("/api/warning/forecasts");

export const fetchLatestOrigin = () => get<TLatestOrigin>("/api/warning/latest-origin");

export const fetchWatchlist = (measure: TRiskMeasure, horizon: number) =>
  get<TWatchlist>(
    `/api/warning/watchlist?measure=${measure}&horizon=${horizon}&limit=${WATCHLIST_MAX_LIMIT}`,
  );

export const fetchCountryForecast = (iso3: string) =>
  get<TCountryForecast>(`/api/warning/countries/${encodeURIComponent(iso3)}/forecast?historyMonths=48`);

export const fetchForecastRun = (id: string) =>
  get<TForecastRunWithEvidence>(`/api/warning/forecast-runs/${id}`);
/** Newest first: the first is the one a page shows while it runs or after it failed. */
export const fetchForecastRuns = () => get<TForecastRunWithEvidence[]>("/api/warning/forecast-runs?limit=1");
export const startForecast = () => api<TForecastRun>("POST", "/api/warning/forecast-runs", {});

export const fetchBacktest = (id: string) => get<TBacktestRun>(`/api/warning/backtest-runs/${id}`);
export const fetchBacktestRuns = (limit = 1) =>
  get<TBacktestRun[]>(`/api/warning/backtest-runs?limit=${limit}`);
/** Without `rounds`, the model's own number: a backtest with it set is an experiment. */
export const startBacktest = ({
  origins,
  maxHorizon,
  rounds,
}: {
  origins: string[];
  maxHorizon: number;
  rounds?: number;
}) =>
  api<TBacktestRun>("POST", "/api/warning/backtest-runs", {
    origins,
    maxHorizon,
    options: rounds === undefined ? {} : { rounds },
  });

/** Light yellow to dark red; a square root keeps the many small probabilities apart. */
export const riskColour = (p: number): string => {
  const t = Math.sqrt(Math.min(1, Math.max(0, p)));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(255, 128)}, ${mix(240, 0)}, ${mix(200, 38)})`;
};
