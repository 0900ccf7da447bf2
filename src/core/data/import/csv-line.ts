/** A CSV field for COPY … (FORMAT csv): null and "" become NULL, text is quoted when it has to be. */
const csvField = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return needsQuotes(value) ? `"${value.replaceAll('"', '""')}"` : value;
};

const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 160;

/** Quotes, commas, line breaks or backslashes inside, or spaces at either end (COPY would trim them). */
const needsQuotes = (value: string): boolean => {
  if (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1))) return true;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13 || c === 92) return true;
  }
  return false;
};

export const csvLine = (values: (string | number | null | undefined)[]): string =>
  values.map(csvField).join(",");

/** csvField for a number (or null): finite numbers as written, anything else empty. */
export const numField = (value: number | null): string =>
  value === null || !Number.isFinite(value) ? "" : String(value);

/** csvField for text (or null). */
export const textField = (value: string | null): string =>
  value === null || value === "" ? "" : needsQuotes(value) ? `"${value.replaceAll('"', '""')}"` : value;
