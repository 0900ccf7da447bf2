/** Words that name the kind of an admin area rather than the area: "Aleppo governorate" is "Aleppo". */
const AREA_WORDS =
  /\b(governorate|province|prefecture|sub-prefecture|subprefecture|district|region|state|department|municipality|municipio|township|division|county|city|town|village|muhafazat|nahiya|mantiqat|estado|prefecture de|prefecture d)\b/gu;

/** The lookup key of a place name: lower case, no accents or punctuation, no area-kind words. */
export const placeKey = (name: string): string =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(AREA_WORDS, " ")
    .replace(/^(al|el|ar|as|ad|at|ash)[- ]/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

export type GazetteerEntry = {
  iso3: string;
  level: "country" | "adm1" | "adm2" | "capital";
  name: string;
  adm1: string | null;
  latitude: number | null;
  longitude: number | null;
  weight: number;
};

/**
 * Every name a reporter may give a country, in each language Continuum speaks: the registry's short and
 * official names, the UN formal names and the common short name in French and Arabic ("@Syrie", "@سوريا").
 */
export const countryPlaceNames = (country: {
  iso2: string | null;
  names: readonly (string | null)[];
  languages: readonly string[];
}): string[] => {
  const common = country.iso2
    ? country.languages.map((language) =>
        new Intl.DisplayNames([language], { type: "region", fallback: "none" }).of(country.iso2 as string),
      )
    : [];
  return [...new Set([...country.names, ...common].filter((name): name is string => Boolean(name)))];
};

const LEVEL_ORDER = { adm2: 0, adm1: 1, capital: 2, country: 3 } as const;

/**
 * Picks the best entry for a typed place: an exact key match beats a match on the key's words; among
 * equals, the finer level (district before province) and the better-attested (more events) win.
 */
export const bestPlaceMatch = (typed: string, entries: readonly (GazetteerEntry & { key: string })[]) => {
  const key = placeKey(typed);
  if (!key) return undefined;
  const typedWords = new Set(key.split(" "));
  const rank = (entry: GazetteerEntry & { key: string }) =>
    entry.key === key ? 0 : entry.key.split(" ").every((w) => typedWords.has(w)) ? 1 : 2;
  return [...entries]
    .filter((entry) => rank(entry) < 2)
    .sort(
      (a, b) => rank(a) - rank(b) || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || b.weight - a.weight,
    )[0];
};
