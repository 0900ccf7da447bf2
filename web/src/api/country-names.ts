import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { get } from "./client.ts";
import type { Country } from "./data-types.ts";

/** The language the country registry (and the world atlas) name countries in. */
const REGISTRY_LANGUAGE = "en";

/**
 * Country names in the reader's language. The registry's names are English; for other languages
 * Intl.DisplayNames gives the name of the country's ISO alpha-2 code, and the English name stays where
 * Intl has none (or the registry has no alpha-2 code).
 */
/** Kosovo's codes are user-assigned (XKX, XK): in no ISO registry, yet known to the browser's country names. */
const outsideRegistry: Readonly<Record<string, string>> = { XKX: "XK" };

export const useCountryNames = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const countries = useQuery({
    queryKey: ["countries", "all"],
    queryFn: () => get<Country[]>("/api/data/countries"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return useMemo(() => {
    const display =
      language === REGISTRY_LANGUAGE
        ? null
        : new Intl.DisplayNames([language], { type: "region", fallback: "none" });
    const byIso3 = new Map((countries.data ?? []).map((c) => [c.iso3, c]));
    const byNumeric = new Map<number, Country>();
    for (const c of countries.data ?? []) if (c.isoNumeric !== null) byNumeric.set(c.isoNumeric, c);
    const local = (iso2: string | undefined, english: string) => (iso2 && display?.of(iso2)) || english;
    return {
      /** By ISO alpha-3 code; failing a translation the English name given, the registry's, or the code. */
      byIso3: (iso3: string, english?: string | null) => {
        const country = byIso3.get(iso3);
        return local(country?.iso2 ?? outsideRegistry[iso3], english ?? country?.name ?? iso3);
      },
      /**
       * By ISO numeric code, as the world atlas keys its shapes: the registry's name, as on every other page ("Dem.
       * Rep. Congo" is the atlas's own), and the atlas's where the registry has no such code.
       */
      byNumeric: (numeric: number, english: string) => {
        const country = byNumeric.get(numeric);
        return local(country?.iso2 ?? undefined, country?.name ?? english);
      },
      /**
       * The countries of today (no withdrawn codes such as Czechoslovakia's) with their names, in the reader's
       * alphabetical order: what an alert, a review or a desk can be about.
       */
      current: (countries.data ?? [])
        .filter((c) => c.isoStatus !== "withdrawn")
        .map((c) => ({ iso3: c.iso3, name: local(c.iso2 ?? undefined, c.name) }))
        .sort((a, b) => a.name.localeCompare(b.name, language)),
      /** Every country of the registry, as the API lists it (with its capital's coordinates). */
      registry: countries.data ?? [],
      /** A UN M49 region or sub-region, as the registry names it in English. */
      region: (english: string) => t(`regions.${english}`, { defaultValue: english }),
    };
  }, [countries.data, language, t]);
};
