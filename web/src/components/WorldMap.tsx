import { geoEqualEarth, geoPath } from "d3-geo";
import { useId, useMemo } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json" with { type: "json" };
import { useCountryNames } from "../api/country-names.ts";

type CountryFeature = GeoJSON.Feature<GeoJSON.Geometry, { name: string }>;

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const shapes = (
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
const shapeKey = (shape: CountryFeature): string =>
  shape.id === undefined ? (unnumbered[shape.properties.name] ?? "") : String(shape.id);

/** A country's key on the map: its ISO numeric code as world-atlas writes it ("004"), else its alpha-3 code. */
export const mapKey = (country: { isoNumeric: number | null; iso3: string }): string =>
  country.isoNumeric === null ? country.iso3 : String(country.isoNumeric).padStart(3, "0");

const WIDTH = 960;
const HEIGHT = 470;

export type WorldMapProps = {
  /** Values keyed by `mapKey`; none yet: a plain map. */
  values?: ReadonlyMap<string, number>;
  /** The fill of a country with a value; countries without one are hatched (see MapLegend). */
  colour?: (value: number) => string;
  /** What a country says when pointed at or read out, from its name in the reader's language. */
  describe?: (name: string, value: number | undefined) => string;
  onSelect?: (key: string, name: string) => void;
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

/**
 * An offline world map (Natural Earth 1:110m from the world-atlas package), drawn with d3-geo as SVG.
 * A country without a value is hatched, so "no data" never passes for a low value on any colour scale.
 */
export const WorldMap = ({ values, colour = defaultColour, describe, onSelect, label }: WorldMapProps) => {
  const path = useMemo(() => geoPath(geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: "Sphere" })), []);
  const names = useCountryNames();
  const hatch = `${useId()}-no-data`;
  return (
    <svg
      className="world-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      direction="ltr"
    >
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="no-data-ground" />
          <line x1="0" y1="0" x2="0" y2="6" className="no-data-line" />
        </pattern>
      </defs>
      <path d={path({ type: "Sphere" }) ?? ""} className="sphere" />
      {shapes.map((shape) => {
        const id = shapeKey(shape);
        const name = /^\d+$/.test(id)
          ? names.byNumeric(Number(id), shape.properties.name)
          : names.byIso3(id, shape.properties.name);
        const value = values?.get(id);
        const text = describe ? describe(name, value) : name;
        return (
          <path
            key={`${id}-${shape.properties.name}`}
            d={path(shape) ?? ""}
            fill={
              values === undefined ? defaultColour() : value === undefined ? `url(#${hatch})` : colour(value)
            }
            className={onSelect ? "country selectable" : "country"}
            {...(onSelect ? selectable(() => onSelect(id, name), text) : {})}
          >
            <title>{text}</title>
          </path>
        );
      })}
    </svg>
  );
};

/** A map's key: one swatch per colour, then the hatching of countries without a value, named `missing`. */
export const MapLegend = ({
  items,
  missing,
}: {
  items: { colour: string; label: string }[];
  missing: string;
}) => (
  <p className="legend">
    {[...items, { colour: null, label: missing }].map(({ colour, label }) => (
      <span key={label}>
        <span
          className={colour === null ? "swatch no-data" : "swatch"}
          style={colour === null ? undefined : { background: colour }}
        />{" "}
        <bdi>{label}</bdi>
      </span>
    ))}
  </p>
);
