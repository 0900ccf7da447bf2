/**
 * Near-duplicate detection: two reports are probably the same event when their text, place and time
 * agree. Each part scores 0–1; the score is their weighted mean, and missing parts count as unknown
 * (neutral), not as agreement.
 */
type DuplicateCandidate = {
  id: string;
  description: string;
  date: string;
  iso3: string | null;
  latitude: number | null;
  longitude: number | null;
  place: string | null;
};

const DUPLICATE_THRESHOLD = 0.72;
const DAY_WINDOW = 3;
const KM_WINDOW = 25;

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2);

/** Character trigrams of the word sequence: robust to typos and word order (Jaccard index). */
const trigrams = (text: string): Set<string> => {
  const joined = ` ${words(text).join(" ")} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= joined.length; i += 1) grams.add(joined.slice(i, i + 3));
  return grams;
};

export const textSimilarity = (a: string, b: string): number => {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / (left.size + right.size - shared);
};

export const distanceKm = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
};

const daysBetween = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

const placeScore = (a: DuplicateCandidate, b: DuplicateCandidate): number | undefined => {
  if (a.latitude !== null && a.longitude !== null && b.latitude !== null && b.longitude !== null) {
    return Math.max(0, 1 - distanceKm(a.latitude, a.longitude, b.latitude, b.longitude) / KM_WINDOW);
  }
  if (a.place && b.place) return textSimilarity(a.place, b.place) > 0.5 ? 1 : 0;
  if (a.iso3 && b.iso3) return a.iso3 === b.iso3 ? 0.5 : 0;
  return undefined;
};

export const duplicateScore = (a: DuplicateCandidate, b: DuplicateCandidate): number => {
  const days = daysBetween(a.date, b.date);
  if (days > DAY_WINDOW) return 0;
  const parts: [number, number][] = [
    [textSimilarity(a.description, b.description), 0.55],
    [1 - days / (DAY_WINDOW + 1), 0.15],
  ];
  const place = placeScore(a, b);
  if (place !== undefined) parts.push([place, 0.3]);
  const weight = parts.reduce((sum, [, w]) => sum + w, 0);
  return parts.reduce((sum, [score, w]) => sum + score * w, 0) / weight;
};

/** The most similar earlier report above the threshold, if any. */
export const bestDuplicate = (
  report: DuplicateCandidate,
  candidates: readonly DuplicateCandidate[],
): { id: string; score: number } | undefined => {
  let best: { id: string; score: number } | undefined;
  for (const candidate of candidates) {
    if (candidate.id === report.id) continue;
    const score = duplicateScore(report, candidate);
    if (score >= DUPLICATE_THRESHOLD && (!best || score > best.score)) best = { id: candidate.id, score };
  }
  return best;
};

export const DUPLICATE_WINDOW_DAYS = DAY_WINDOW;
