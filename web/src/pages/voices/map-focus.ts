import { type GeoProjection, geoCentroid, geoEqualEarth } from "d3-geo";
import { mapKey, shapeKey, worldShapes } from "../../components/world-shapes.ts";

/** Degrees kept around what the map zooms to: a small country shows its neighbours, one report is not blown up. */
const MARGIN = 3;
/** Pixels between the area zoomed to and the map's edge. */
const PADDING = 16;

type LonLat = [number, number];

const around = ([lon, lat]: LonLat): LonLat[] => [
  [lon - MARGIN, Math.max(lat - MARGIN, -89)],
  [lon + MARGIN, Math.min(lat + MARGIN, 89)],
];

/**
 * What the reports map zooms to: the country's outline and the reports' places, with a margin of a few degrees
 * around the outline's centre (or around each place, for a country too small for the atlas); null for the world.
 */
const focusArea = (outline: GeoJSON.Geometry[], places: LonLat[]): GeoJSON.GeometryCollection | null => {
  if (outline.length === 0 && places.length === 0) return null;
  const centres =
    outline.length > 0
      ? [geoCentroid({ type: "GeometryCollection", geometries: outline }) as LonLat]
      : places;
  return {
    type: "GeometryCollection",
    geometries: [...outline, { type: "MultiPoint", coordinates: [...places, ...centres.flatMap(around)] }],
  };
};

/**
 * The Equal Earth projection of the whole world, or turned to face the area and fitted to it: turned, a
 * country across the 180th meridian (Fiji, Russia) is drawn in one piece rather than split to both edges.
 */
export const fittedProjection = (
  area: GeoJSON.GeometryCollection | null,
  [width, height]: [number, number],
): GeoProjection => {
  if (area === null) return geoEqualEarth().fitSize([width, height], { type: "Sphere" });
  const [lon] = geoCentroid(area);
  return geoEqualEarth()
    .rotate([-lon, 0])
    .fitExtent(
      [
        [PADDING, PADDING],
        [width - PADDING, height - PADDING],
      ],
      area,
    );
};

/** The one country all the places lie in; none when they lie in several, or one lies in no known country. */
const onlyCountry = (places: Place[]): string | null => {
  const distinct = new Set(places.map((place) => place.iso3));
  const [only] = distinct;
  return distinct.size === 1 && only ? only : null;
};

/** A report, or a grid cell of reports, where the map shows it. */
export type Place = { iso3: string | null; lon: number; lat: number };

type Country = {
  iso3: string;
  isoNumeric: number | null;
  capitalLon: number | null;
  capitalLat: number | null;
};

/** What the reports map zooms to: a country (with its outline) or, in several countries, the places alone. */
export type MapFocus = { iso3: string | null; outline: GeoJSON.Geometry[]; area: GeoJSON.GeometryCollection };

/**
 * What the reports map zooms to: the country filtered on, else the one every place shown lies in, with its
 * outline; else, with places in several countries (or in none the registry knows), the extent of the places.
 * Null for the whole world: no place to show, or a filter naming no known country. A country too small for
 * the atlas is zoomed to its places, or to its capital when it has none.
 */
export const mapFocus = ({
  filtered,
  registry,
  places,
}: {
  filtered: string | null;
  registry: readonly Country[];
  places: Place[];
}): MapFocus | null => {
  const iso3 = filtered ?? onlyCountry(places);
  const country = registry.find((c) => c.iso3 === iso3);
  const lonLats = places.map((place): LonLat => [place.lon, place.lat]);
  if (!iso3 || !country) {
    const area = filtered ? null : focusArea([], lonLats);
    return area && { iso3: null, outline: [], area };
  }
  const key = mapKey(country);
  const outline = worldShapes.filter((shape) => shapeKey(shape) === key).map((shape) => shape.geometry);
  const capital: LonLat[] =
    country.capitalLon !== null && country.capitalLat !== null
      ? [[country.capitalLon, country.capitalLat]]
      : [];
  const area = focusArea(outline, lonLats.length > 0 ? lonLats : capital);
  return area && { iso3, outline, area };
};
