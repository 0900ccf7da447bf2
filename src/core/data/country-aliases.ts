/**
 * Other names people search a country by (former names, short forms, abbreviations), by ISO3 code: the
 * registry holds one English name, the reader's language another, and neither is "Burma" or "DRC".
 */
export const countryAliases: Readonly<Record<string, readonly string[]>> = {
  TUR: ["Turkey", "Türkiye"],
  COD: ["DRC", "DR Congo", "Congo-Kinshasa", "Zaire"],
  COG: ["Congo-Brazzaville", "Republic of the Congo"],
  MMR: ["Burma"],
  CIV: ["Ivory Coast", "Côte d'Ivoire"],
  CZE: ["Czech Republic", "Czechia"],
  SWZ: ["Swaziland", "Eswatini"],
  MKD: ["Macedonia", "FYROM"],
  CPV: ["Cape Verde", "Cabo Verde"],
  TLS: ["East Timor", "Timor-Leste"],
  GBR: ["UK", "United Kingdom", "Britain", "Great Britain"],
  USA: ["US", "USA", "United States", "America"],
  RUS: ["Russia"],
  PRK: ["North Korea", "DPRK"],
  KOR: ["South Korea", "Republic of Korea"],
  LAO: ["Laos"],
  VNM: ["Vietnam", "Viet Nam"],
  PSE: ["Palestine", "State of Palestine"],
  SYR: ["Syria"],
  IRN: ["Iran"],
  BOL: ["Bolivia"],
  VEN: ["Venezuela"],
  TZA: ["Tanzania"],
  MDA: ["Moldova"],
  CAF: ["CAR"],
  BIH: ["Bosnia", "Bosnia and Herzegovina"],
  ARE: ["UAE", "Emirates"],
  NLD: ["Holland", "Netherlands"],
  LKA: ["Ceylon"],
  KHM: ["Kampuchea"],
};

/** Folds case and accents, so that "turkiye" finds "Türkiye" and "cote" finds "Côte". */
export const foldForSearch = (text: string): string =>
  text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

/** ISO3 codes whose other names contain the search, folded. */
export const isoCodesByAlias = (search: string): string[] => {
  const wanted = foldForSearch(search.trim());
  if (!wanted) return [];
  return Object.entries(countryAliases)
    .filter(([, names]) => names.some((name) => foldForSearch(name).includes(wanted)))
    .map(([iso3]) => iso3);
};
