import { monthKey } from "../shared/months.ts";
import {
  empiricalDistribution,
  exceedance,
  type FatalityDistribution,
  mean,
  meanLog1p,
  quantile,
} from "./distribution.ts";
import type { CountryForecast } from "./forecast.ts";
import type { DensePanel } from "./panel.ts";
import { originCells } from "./targets.ts";

export const baselineNames = ["no_change", "last_12_months", "base_rate"] as const;
type BaselineName = (typeof baselineNames)[number];

/** A published forecast together with the distribution it came from, which scoring needs for the PIT. */
export type DistributionForecast = { forecast: CountryForecast; distribution: FatalityDistribution };

/** Fills the published fields from a distribution; probabilities default to what the distribution implies. */
export const forecastFromDistribution = (
  base: Pick<CountryForecast, "gwcode" | "iso3" | "origin" | "horizon" | "month">,
  distribution: FatalityDistribution,
  probabilities?: { pGt0: number; pGe25: number },
): CountryForecast => ({
  ...base,
  pGt0: probabilities?.pGt0 ?? 1 - distribution.p0,
  pGe25: probabilities?.pGe25 ?? exceedance(distribution, 25),
  mean: mean(distribution),
  meanLog1p: meanLog1p(distribution),
  q10: quantile(distribution, 0.1),
  q50: quantile(distribution, 0.5),
  q90: quantile(distribution, 0.9),
  drivers: [],
});

const valueAt = (panel: DensePanel, u: number, m: number): number => {
  const v = m >= 0 ? (panel.sb[u * panel.nMonths + m] as number) : 0;
  return Number.isNaN(v) ? 0 : v;
};

/**
 * The naive forecasts every model must beat, for every country present at the panel's last month (the origin)
 * and horizons 1..maxHorizon. They ignore the horizon on purpose: that is what makes them naive.
 * - no_change: next months repeat the last month (a point mass).
 * - last_12_months: the country's own last 12 months as an empirical distribution.
 * - base_rate: all country-months up to the origin, pooled.
 */
export const baselineForecasts = (
  panel: DensePanel,
  name: BaselineName,
  maxHorizon: number,
): DistributionForecast[] => {
  const last = panel.nMonths - 1;
  const origin = monthKey(panel.firstMonth + last);
  let pooled: FatalityDistribution | null = null;
  if (name === "base_rate") {
    const all: number[] = [];
    for (const v of panel.sb) if (!Number.isNaN(v)) all.push(v);
    pooled = empiricalDistribution(all);
  }
  const out: DistributionForecast[] = [];
  for (const cell of originCells(panel)) {
    const u = cell.unit;
    let distribution: FatalityDistribution;
    if (pooled) distribution = pooled;
    else if (name === "no_change") distribution = empiricalDistribution([valueAt(panel, u, last)]);
    else
      distribution = empiricalDistribution(Array.from({ length: 12 }, (_, k) => valueAt(panel, u, last - k)));
    const unit = panel.units[u];
    if (!unit) continue;
    // Summaries do not depend on the horizon: compute once, copy per horizon.
    const template = forecastFromDistribution(
      { gwcode: unit.gwcode, iso3: unit.iso3, origin, horizon: 1, month: origin },
      distribution,
    );
    for (let h = 1; h <= maxHorizon; h++) {
      out.push({
        forecast: { ...template, horizon: h, month: monthKey(panel.firstMonth + last + h), drivers: [] },
        distribution,
      });
    }
  }
  return out;
};
