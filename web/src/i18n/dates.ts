/**
 * The browser's own variant of the chosen language, for dates: "en" read in Britain writes 24 Nov 2026, in the
 * United States Nov 24, 2026. Falls back to the language itself.
 */
const dateLocale = (language: string): string =>
  (typeof navigator === "undefined" ? [] : navigator.languages).find(
    (tag) => tag.split("-")[0] === language,
  ) ?? language;

/** A moment as the reader's locale shows it, in UTC so that desks in different places agree. */
export const when = (iso: string | null | undefined, language: string): string =>
  iso
    ? `${new Intl.DateTimeFormat(dateLocale(language), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso))} UTC`
    : "—";

/** A calendar day as the reader's locale shows it. */
export const day = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(dateLocale(language), { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(iso),
  );
