import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json" with { type: "json" };

export type CountryFeature = GeoJSON.Feature<GeoJSON.Geometry, { name: string }>;

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** The countries of Natural Earth 1:110m (the world-atlas package): offline, light enough for every world map. */
export const worldShapes = (
  feature(topology, topology.objects.countries) as GeoJSON.FeatureCollection<
    GeoJSON.Geometry,
    { name: string }
  >
).features as CountryFeature[];

/**
 * Shapes Natural Earth draws without an ISO numeric code: Somaliland and Northern Cyprus belong to the states
 * the registry counts them in; Kosovo has no numeric code, so it goes by its alpha-3 code.
 */
const unnumbered: Readonly<Record<string, string>> = { Somaliland: "706", "N. Cyprus": "196", Kosovo: "XKX" };

/** The key of a shape: the `mapKey` of the country it belongs to. */
export const shapeKey = (shape: CountryFeature): string =>
  shape.id === undefined ? (unnumbered[shape.properties.name] ?? "") : String(shape.id);

/** A country's key on the map: its ISO numeric code as world-atlas writes it ("004"), else its alpha-3 code. */
export const mapKey = (country: { isoNumeric: number | null; iso3: string }): string =>
  country.isoNumeric === null ? country.iso3 : String(country.isoNumeric).padStart(3, "0");
