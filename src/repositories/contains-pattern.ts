/** A LIKE/ILIKE pattern matching text that contains `text` literally (its % and _ are not wildcards). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
