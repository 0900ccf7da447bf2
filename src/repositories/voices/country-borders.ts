import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoBounds, geoContains, geoPath, geoTransform } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

type Countries = Topology<{ countries: GeometryCollection }>;

const readAtlas = (scale: "50m" | "110m"): Countries => {
  const path = createRequire(import.meta.url).resolve(`world-atlas/countries-${scale}.json`);
  return JSON.parse(readFileSync(path, "utf8")) as Countries;
};

/** Borders at 1:50m (Natural Earth, in the world-atlas package), by ISO 3166-1 numeric code. */
let borders: Map<number, Feature<Geometry>> | undefined;

const loadBorders = (): Map<number, Feature<Geometry>> => {
  const topology = readAtlas("50m");
  const countries = feature(topology, topology.objects.countries);
  return new Map(
    countries.features.filter((f) => f.id !== undefined).map((f) => [Number(f.id), f as Feature<Geometry>]),
  );
};

// A GPS point in a border town may fall a few kilometres outside a 1:50m border: about 11 km of slack.
const SLACK_DEGREES = 0.1;
const around = (lat: number, lon: number): [number, number][] => [
  [lon, lat],
  ...[-1, 0, 1].flatMap((dx) =>
    [-1, 1].map((dy) => [lon + dx * SLACK_DEGREES, lat + dy * SLACK_DEGREES] as [number, number]),
  ),
  [lon - SLACK_DEGREES, lat],
  [lon + SLACK_DEGREES, lat],
];

/**
 * Whether a point lies in (or within about 11 km of) the country with this ISO numeric code; undefined
 * when the borders do not know the country.
 */
export const pointNearCountry = (isoNumeric: number, lat: number, lon: number): boolean | undefined => {
  borders ??= loadBorders();
  const country = borders.get(isoNumeric);
  if (!country) return undefined;
  return around(lat, lon).some((point) => geoContains(country, point));
};

/** The ISO numeric code of the country a point lies in, if any (at sea, none). */
export const countryAt = (lat: number, lon: number): number | undefined => {
  borders ??= loadBorders();
  for (const [code, country] of borders) if (geoContains(country, [lon, lat])) return code;
  return undefined;
};

/** Each country's bounding box, so that a point at sea is tested against the few countries it lies near. */
let boxes: { country: Feature<Geometry>; box: [[number, number], [number, number]] }[] | undefined;

const inBox = (
  [[west, south], [east, north]]: [[number, number], [number, number]],
  [lon, lat]: [number, number],
) => lat >= south && lat <= north && (west <= east ? lon >= west && lon <= east : lon >= west || lon <= east);

/** Whether a point lies in (or within about 11 km of) any country the borders know: false at sea. */
export const pointNearAnyCountry = (lat: number, lon: number): boolean => {
  borders ??= loadBorders();
  boxes ??= [...borders.values()].map((country) => ({ country, box: geoBounds(country) }));
  const points = around(lat, lon);
  return boxes.some(
    ({ country, box }) =>
      points.some((point) => inBox(box, point)) && points.some((point) => geoContains(country, point)),
  );
};

/**
 * The borders between countries at 1:110m as one SVG path on the public form's 360 × 180 world map
 * (x = longitude + 180, y = 90 − latitude), so that a reporter zooming in can tell one country from the next.
 */
export const borderLinesPath = (): string => {
  const topology = readAtlas("110m");
  const plate = geoTransform({
    point(x, y) {
      this.stream.point(x + 180, 90 - y);
    },
  });
  return geoPath(plate).digits(2)(mesh(topology, topology.objects.countries, (a, b) => a !== b)) ?? "";
};
