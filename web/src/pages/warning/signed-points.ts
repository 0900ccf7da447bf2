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
