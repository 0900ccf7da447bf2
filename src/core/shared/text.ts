/**
 * A text cut to at most `max` characters for a list or a table cell: at the end of a word where one ends
 * in the last third, with "…" to show it was cut.
 */
export const shorten = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > (2 * max) / 3 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
};
