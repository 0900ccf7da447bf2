import type { TFunction } from "i18next";

/** Percentage points as shown: to the tenth. */
export const shownPoints = (points: number): number => Math.round(points * 10) / 10;

/**
 * Signed percentage points to the tenth, with a true minus sign; a value that rounds to nothing reads ±0.0,
 * never −0.0. Drivers and watchlist changes read alike.
 */
export const signedPoints = (points: number, language: string): string => {
  const shown = shownPoints(points);
  const sign = shown > 0 ? "+" : shown < 0 ? "−" : "±";
  const digits = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${sign}${digits.format(Math.abs(shown))}`;
};

/**
 * A driver's effect with its unit: the unit agrees with the number as shown, since French keeps "point"
 * singular below 2 ("+1,6 point") where English writes "+1.6 points".
 */
export const effectPointsText = (points: number, t: TFunction, language: string): string =>
  t("warning.effectPoints", { points: signedPoints(points, language), count: Math.abs(shownPoints(points)) });
