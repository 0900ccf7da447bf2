import { geoEqualEarth, geoPath } from "d3-geo";
import { useMemo } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json" with { type: "json" };

type CountryFeature = GeoJSON.Feature<GeoJSON.Geometry, { name: string }>;

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const shapes = (
  feature(topology, topology.objects.countries) as GeoJSON.FeatureCollection<
    GeoJSON.Geometry,
    { name: string }
  >
).features as CountryFeature[];

const WIDTH = 960;
const HEIGHT = 470;

export type WorldMapProps = {
  /** Values keyed by ISO 3166-1 numeric code as world-atlas writes it ("004"). */
  values?: ReadonlyMap<string, number>;
  colour?: (value: number | undefined) => string;
  describe?: (name: string, value: number | undefined) => string;
  onSelect?: (isoNumeric: string, name: string) => void;
  label: string;
};

const defaultColour = () => "#d9dee4";

/** Countries that can be chosen are buttons: reachable by Tab and activated by Enter or Space. */
const selectable = (choose: () => void, label: string) => ({
  role: "button",
  tabIndex: 0,
  "aria-label": label,
  onClick: choose,
  onKeyDown: (event: React.KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose();
    }
  },
});

/** An offline world map (Natural Earth 1:110m from the world-atlas package), drawn with d3-geo as SVG. */
export const WorldMap = ({ values, colour = defaultColour, describe, onSelect, label }: WorldMapProps) => {
  const path = useMemo(() => geoPath(geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: "Sphere" })), []);
  return (
    <svg className="world-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <path d={path({ type: "Sphere" }) ?? ""} className="sphere" />
      {shapes.map((shape) => {
        const id = String(shape.id ?? "");
        const value = values?.get(id);
        const text = describe ? describe(shape.properties.name, value) : shape.properties.name;
        return (
          <path
            key={`${id}-${shape.properties.name}`}
            d={path(shape) ?? ""}
            fill={colour(value)}
            className={onSelect ? "country selectable" : "country"}
            {...(onSelect ? selectable(() => onSelect(id, shape.properties.name), text) : {})}
          >
            <title>{text}</title>
          </path>
        );
      })}
    </svg>
  );
};
