import type { ScoredForecast } from "./backtest-report.ts";

/** MSE of log1p(median forecast) against log1p(observed): the point forecast a reader sees on the fan chart. */
export const mseLog1pOfMedian = (rows: readonly ScoredForecast[]): number => {
  if (rows.length === 0) return Number.NaN;
  let sum = 0;
  for (const r of rows) sum += (Math.log1p(Math.max(0, r.forecast.q50)) - Math.log1p(r.observed)) ** 2;
  return sum / rows.length;
};

export type MedianErrors = { pooled: number; byHorizon: number[]; onsets: number };

/** The same per method, pooled, per horizon (index h − 1) and on onsets. */
export const medianErrors = (
  rowsByMethod: Record<string, readonly ScoredForecast[]>,
  maxHorizon: number,
): Record<string, MedianErrors> =>
  Object.fromEntries(
    Object.entries(rowsByMethod).map(([method, rows]) => [
      method,
      {
        pooled: mseLog1pOfMedian(rows),
        byHorizon: Array.from({ length: maxHorizon }, (_, i) =>
          mseLog1pOfMedian(rows.filter((r) => r.forecast.horizon === i + 1)),
        ),
        onsets: mseLog1pOfMedian(rows.filter((r) => r.onset)),
      },
    ]),
  );
