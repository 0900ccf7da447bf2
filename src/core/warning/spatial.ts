import type { Capital } from "./panel.ts";

const earthRadiusKm = 6371;
const rad = Math.PI / 180;

const haversineKm = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(a)));
};

/**
 * The capital of each unit at month `m` (absolute month index), or null if none is known. A capital whose
 * validity ended before `m` still stands in when nothing newer exists: registries stop at their publication date.
 */
export const capitalsAt = (
  gwcodes: readonly number[],
  capitals: readonly Capital[],
  m: number,
  monthIndexOf: (key: string) => number,
): ({ lat: number; lon: number } | null)[] => {
  const byCode = new Map<number, Capital[]>();
  for (const c of capitals) {
    const list = byCode.get(c.gwcode);
    if (list) list.push(c);
    else byCode.set(c.gwcode, [c]);
  }
  return gwcodes.map((code) => {
    const list = byCode.get(code);
    if (!list || list.length === 0) return null;
    let best: Capital | null = null;
    let bestGap = Number.POSITIVE_INFINITY;
    for (const c of list) {
      const from = c.from === undefined ? Number.NEGATIVE_INFINITY : monthIndexOf(c.from);
      const to = c.to === undefined ? Number.POSITIVE_INFINITY : monthIndexOf(c.to);
      const gap = m < from ? from - m : m > to ? m - to : 0;
      if (gap < bestGap) {
        best = c;
        bestGap = gap;
      }
    }
    return best ? { lat: best.lat, lon: best.lon } : null;
  });
};

/** Pairwise capital distances in km, row-major; NaN where either capital is unknown. */
export const distanceMatrix = (points: readonly ({ lat: number; lon: number } | null)[]): Float64Array => {
  const n = points.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const a = points[i];
      const b = points[j];
      const km = a && b ? haversineKm(a.lat, a.lon, b.lat, b.lon) : Number.NaN;
      d[i * n + j] = km;
      d[j * n + i] = km;
    }
  }
  return d;
};
