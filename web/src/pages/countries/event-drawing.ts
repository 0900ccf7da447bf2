import { useQuery } from "@tanstack/react-query";
import { geoMercator, geoPath } from "d3-geo";
import { useMemo } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { EventPoints } from "../../api/data-types.ts";

export const MAP_WIDTH = 720;
export const MAP_HEIGHT = 520;

/** One event on the map: its index among the points, where it sits, its size and type of violence. */
export type EventCircle = { index: number; x: number; y: number; r: number; type: number };

/** Natural Earth 1:50m outlines, loaded when a country page first needs them (they are large). */
const loadShapes = async () => {
  const atlas = await import("world-atlas/countries-50m.json");
  const topology = atlas.default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return (
    feature(topology, topology.objects.countries) as GeoJSON.FeatureCollection<
      GeoJSON.Geometry,
      { name: string }
    >
  ).features;
};

/** Circles sized by best fatalities, large ones first so small events stay visible and clickable on top. */
const circlesOf = (
  points: EventPoints["points"],
  projection: ReturnType<typeof geoMercator>,
): EventCircle[] =>
  points
    .map(([lat, lon, best, type], index) => {
      const at = projection([lon, lat]);
      return at
        ? { index, x: at[0], y: at[1], r: Math.min(18, Math.max(1.5, Math.sqrt(best) * 0.9)), type }
        : null;
    })
    .filter((c) => c !== null)
    .sort((a, b) => b.r - a.r);

/**
 * The country's outline and its events, projected to fit the map; without an outline (a country the atlas
 * lacks) the events alone set the extent. Nothing until the outlines have loaded, or with nothing to draw.
 */
export const useEventDrawing = (points: EventPoints | undefined, isoNumeric: number | null) => {
  const shapes = useQuery({
    queryKey: ["atlas-50m"],
    queryFn: loadShapes,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const outline = useMemo(
    () => shapes.data?.find((shape) => isoNumeric !== null && Number(shape.id) === isoNumeric) ?? null,
    [isoNumeric, shapes.data],
  );
  return useMemo(() => {
    const data = points?.points ?? [];
    const target: GeoJSON.GeoJSON = outline ?? {
      type: "MultiPoint",
      coordinates: data.map(([lat, lon]) => [lon, lat]),
    };
    if (!shapes.data || (!outline && data.length === 0)) return null;
    const projection = geoMercator().fitExtent(
      [
        [12, 12],
        [MAP_WIDTH - 12, MAP_HEIGHT - 12],
      ],
      target,
    );
    const path = geoPath(projection);
    return {
      outline: outline ? (path(outline) ?? "") : "",
      circles: circlesOf(data, projection),
      projection,
    };
  }, [points, outline, shapes.data]);
};

export type EventDrawing = NonNullable<ReturnType<typeof useEventDrawing>>;
