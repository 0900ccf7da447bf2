import type { TRiskMeasure } from "./warning.schemas.ts";

type Risk = { iso3: string; horizon: number; pGt0: number; pGe25: number };

/**
 * Countries ranked by one risk measure at one horizon, each with its change since the previous run (same
 * country, same horizon). Ties keep a stable order by ISO code so the list does not shuffle between reads.
 */
export const rankByRisk = <T extends Risk>(
  current: readonly T[],
  previous: readonly Risk[],
  measure: TRiskMeasure,
  horizon: number,
  limit: number,
): (T & { rank: number; previous: { pGt0: number; pGe25: number } | null; change: number | null })[] => {
  const before = new Map(
    previous.filter((p) => p.horizon === horizon).map((p) => [p.iso3, { pGt0: p.pGt0, pGe25: p.pGe25 }]),
  );
  return current
    .filter((c) => c.horizon === horizon)
    .sort((a, b) => b[measure] - a[measure] || a.iso3.localeCompare(b.iso3))
    .slice(0, limit)
    .map((c, i) => {
      const prior = before.get(c.iso3) ?? null;
      return { ...c, rank: i + 1, previous: prior, change: prior ? c[measure] - prior[measure] : null };
    });
};
