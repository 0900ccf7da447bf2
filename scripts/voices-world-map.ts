/**
 * Writes src/http/voices-form/world.svg, the map the no-JavaScript report form uses for picking a place:
 * Natural Earth 1:110m land (world-atlas) in a plain equirectangular frame where one unit is one degree
 * (x = longitude + 180, y = 90 − latitude), so the server turns a click into coordinates by arithmetic.
 * Run again only to change the drawing: `node scripts/voices-world-map.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve("world-atlas/land-110m.json"), "utf8")) as Topology<{
  land: GeometryCollection;
}>;
const land = feature(topology, topology.objects.land) as GeoJSON.FeatureCollection;

const point = ([lon, lat]: GeoJSON.Position) =>
  `${((lon ?? 0) + 180).toFixed(1)} ${(90 - (lat ?? 0)).toFixed(1)}`;
const ring = (positions: GeoJSON.Position[]) => `M${positions.map(point).join("L")}Z`;
const polygons = land.features.flatMap((f) =>
  f.geometry.type === "MultiPolygon"
    ? f.geometry.coordinates
    : f.geometry.type === "Polygon"
      ? [f.geometry.coordinates]
      : [],
);
const path = polygons.map((polygon) => polygon.map(ring).join("")).join("");
const graticule = [
  ...Array.from({ length: 11 }, (_, i) => `M${(i + 1) * 30} 0V180`),
  ...Array.from({ length: 5 }, (_, i) => `M0 ${(i + 1) * 30}H360`),
].join("");

writeFileSync(
  new URL("../src/http/voices-form/world.svg", import.meta.url),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" preserveAspectRatio="none"><title>World map (Natural Earth 1:110m land)</title><rect width="360" height="180" fill="#cfe3f0"/><path d="${graticule}" stroke="#b5cfe0" stroke-width="0.2" fill="none"/><path d="${path}" fill="#f4f1e8" stroke="#8a8570" stroke-width="0.15"/></svg>\n`,
);
