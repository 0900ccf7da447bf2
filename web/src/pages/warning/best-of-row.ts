import { distanceFromPerfect } from "../../../../src/core/warning/backtest-report.ts";

/** A score as the tables show it (three significant digits): methods that read alike tie, whatever lies beyond. */
const asShown = (v: number): number => Number(v.toPrecision(3));

/**
 * Which of a row's values are its best, to be set in bold: ties share the mark, and a row where every method
 * reads alike marks none. So does a row where fewer than two methods can be compared: a score that could not be
 * computed, or a mean ratio of 0 (no deaths forecast at all, infinitely far from 1), is no rival.
 */
export const bestOfRow = (score: string, values: readonly (number | null)[]): boolean[] => {
  const distances = values.map((v) =>
    v === null || !Number.isFinite(v) ? Number.POSITIVE_INFINITY : distanceFromPerfect(score, asShown(v)),
  );
  const best = Math.min(...distances);
  const comparable = distances.filter(Number.isFinite).length;
  const marks = comparable >= 2 && distances.some((d) => d !== best);
  return distances.map((d) => marks && d === best);
};
