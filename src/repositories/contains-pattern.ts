/** Text taken literally in a LIKE/ILIKE pattern: its % and _ are not wildcards. */
const literal = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A pattern matching text that contains `text`. */
export const containsPattern = (text: string): string => `%${literal(text)}%`;

/** A pattern matching text that starts with `text`. */
export const prefixPattern = (text: string): string => `${literal(text)}%`;
