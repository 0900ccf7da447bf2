/**
 * A probability as a percentage in the reader's language. Rounding never reaches certainty: 0.998 reads
 * ">99%" and 0.0004 "<0.1%", as a forecast is never sure that violence will or will not happen.
 */
export const percent = (p: number, language: string): string => {
  const format = (value: number, digits: number) =>
    new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: digits }).format(value);
  if (p > 0.99) return leftToRight(`>${format(0.99, 0)}`, language);
  if (p < 0.001) return leftToRight(`<${format(0.001, 1)}`, language);
  return format(p, p < 0.1 ? 1 : 0);
};

const rightToLeft = new Set(["ar", "fa", "he", "ur"]);

/**
 * "<0.1%" or "2019-09" as one left-to-right piece in a right-to-left language: else the sign moves behind and
 * mirrors, and the month reads as 09-2019.
 */
export const leftToRight = (text: string, language: string): string =>
  rightToLeft.has(language.split("-")[0] ?? "") ? `\u2066${text}\u2069` : text;
