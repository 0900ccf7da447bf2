/** An instant as ISO 8601 text, as every record is sent; a driver may hand timestamps over as text already. */
export const isoInstant = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();
