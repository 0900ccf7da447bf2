/**
 * A duration given in hours, worded and punctuated as the reader's language does ("1,5 h", "1.5 hr");
 * under an hour in minutes, so a quick response never reads "0 hr".
 */
export const hours = (value: number | null, language: string): string => {
  if (value === null) return "—";
  const unit = (name: "hour" | "minute", amount: number) =>
    new Intl.NumberFormat(language, { style: "unit", unit: name, maximumFractionDigits: 1 }).format(amount);
  return value < 1 ? unit("minute", Math.max(1, Math.round(value * 60))) : unit("hour", value);
};

/** A share as the reader's language writes a percentage ("100 %" in French, "100%" in English). */
export const share = (value: number | null, language: string): string =>
  value === null
    ? "—"
    : new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(value);
