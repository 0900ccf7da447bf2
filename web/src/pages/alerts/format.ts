const utc = (language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Dates as the reader's locale shows them, in UTC so that desks in different places agree. */
export const when = (iso: string | null | undefined, language: string): string =>
  iso ? `${utc(language).format(new Date(iso))} UTC` : "—";

export const hours = (value: number | null): string => (value === null ? "—" : `${value.toFixed(1)} h`);
