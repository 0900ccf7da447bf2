/** The language the country registry names countries in. */
const REGISTRY_LANGUAGE = "en";

/** Kosovo's codes are user-assigned (XKX, XK): in no ISO registry, yet known to Intl's country names. */
const outsideRegistry: Readonly<Record<string, string>> = { XKX: "XK" };

export type CountryNaming = { iso3: string; name: string | null; iso2: string | null };

/**
 * A country's name in a language, as the web app writes it: the registry's (English) name in English,
 * Intl's name of its alpha-2 code in another language, and failing both the registry's name or the code.
 */
export const countryNameIn = (country: CountryNaming, language: string): string => {
  const english = country.name ?? country.iso3;
  const iso2 = country.iso2 ?? outsideRegistry[country.iso3];
  if (language === REGISTRY_LANGUAGE || !iso2) return english;
  return new Intl.DisplayNames([language], { type: "region", fallback: "none" }).of(iso2) ?? english;
};
