const utc = (language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Dates as the reader's locale shows them, in UTC so that desks in different places agree. */
export const when = (iso: string | null | undefined, language: string): string =>
  iso ? `${utc(language).format(new Date(iso))} UTC` : "—";

/** A duration in hours, worded and punctuated as the reader's language does ("0,1 h", "0.1 hr"). */
export const hours = (value: number | null, language: string): string =>
  value === null
    ? "—"
    : new Intl.NumberFormat(language, { style: "unit", unit: "hour", maximumFractionDigits: 1 }).format(
        value,
      );
