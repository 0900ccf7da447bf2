import { priogridGid } from "../../core/data/priogrid.ts";
import { bestPlaceMatch, placeKey } from "../../core/voices/gazetteer.ts";
import type { LocationSource } from "../../core/voices/report.schemas.ts";
import { distanceKm } from "../../core/voices/similarity.ts";
import type { Db } from "../../db/types.ts";
import { findGazetteerKeys, nearestPlace } from "../../repositories/voices/gazetteer.repository.ts";

type Located = {
  iso3: string | null;
  latitude: number | null;
  longitude: number | null;
  priogridGid: number | null;
  adm1: string | null;
  adm2: string | null;
  locationSource: LocationSource;
};

/** Every run of one to four words in the typed name: the keys a gazetteer entry might have. */
const candidateKeys = (typed: string): string[] => {
  const words = placeKey(typed).split(" ").filter(Boolean);
  const keys = new Set<string>();
  for (let n = 1; n <= 4; n += 1) {
    for (let i = 0; i + n <= words.length; i += 1) keys.add(words.slice(i, i + n).join(" "));
  }
  return [...keys].slice(0, 60);
};

/**
 * Places a report: coordinates win (the country and admin area then come from the nearest gazetteer
 * point within 60 km when the reporter gave no country); otherwise the place name is looked up in the
 * gazetteer (GED admin areas, capitals, country names), within the country when one was given.
 */
export const locateReport = async (
  db: Db,
  given: {
    iso3?: string | undefined;
    latitude?: number | undefined;
    longitude?: number | undefined;
    place?: string | undefined;
    fromMap?: boolean;
  },
): Promise<Located> => {
  const iso3 = given.iso3 ?? null;
  if (given.latitude !== undefined && given.longitude !== undefined) {
    const { latitude, longitude } = given;
    const near = (await nearestPlace(db, latitude, longitude, 60))
      .filter((p) => p.latitude !== null && p.longitude !== null && (!iso3 || p.iso3 === iso3))
      .map((p) => ({
        ...p,
        km: distanceKm(latitude, longitude, p.latitude as number, p.longitude as number),
      }))
      .filter((p) => p.km <= 60)
      .sort((a, b) => a.km - b.km)[0];
    return {
      iso3: iso3 ?? near?.iso3 ?? null,
      latitude,
      longitude,
      priogridGid: priogridGid(latitude, longitude),
      adm1: near ? (near.level === "adm2" ? near.adm1 : near.level === "adm1" ? near.name : null) : null,
      adm2: near?.level === "adm2" ? near.name : null,
      locationSource: given.fromMap ? "map" : "coordinates",
    };
  }
  if (given.place) {
    const match = bestPlaceMatch(
      given.place,
      await findGazetteerKeys(db, candidateKeys(given.place), given.iso3),
    );
    if (match) {
      const hasPoint = match.latitude !== null && match.longitude !== null;
      return {
        iso3: match.iso3,
        latitude: match.latitude,
        longitude: match.longitude,
        priogridGid: hasPoint ? priogridGid(match.latitude as number, match.longitude as number) : null,
        adm1: match.level === "adm2" ? match.adm1 : match.level === "adm1" ? match.name : null,
        adm2: match.level === "adm2" ? match.name : null,
        locationSource:
          match.level === "country" ? "country" : match.level === "capital" ? "capital" : "gazetteer",
      };
    }
  }
  return {
    iso3,
    latitude: null,
    longitude: null,
    priogridGid: null,
    adm1: null,
    adm2: null,
    locationSource: iso3 ? "country" : "none",
  };
};
