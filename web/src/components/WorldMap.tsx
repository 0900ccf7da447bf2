import { geoEqualEarth, geoPath } from "d3-geo";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCountryNames } from "../api/country-names.ts";
import { type CountryFeature, mapKey, shapeKey, worldShapes as shapes } from "./world-shapes.ts";

const shapeKeys = new Set(shapes.map(shapeKey));

/** A country as drawn: its shape, or a dot where the atlas has none; `id` tells apart shapes sharing a key. */
type Place = { key: string; name: string; d: string; id: string };

const WIDTH = 960;
const HEIGHT = 470;

type WorldMapProps = {
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

const steps: Readonly<Record<string, (at: number, last: number) => number>> = {
  ArrowRight: (at, last) => Math.min(at + 1, last),
  ArrowDown: (at, last) => Math.min(at + 1, last),
  ArrowLeft: (at) => Math.max(at - 1, 0),
  ArrowUp: (at) => Math.max(at - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * Countries that can be chosen are buttons activated by Enter or Space. The map is one Tab stop: the arrow
 * keys move between countries in alphabetical order, so a keyboard user does not Tab through 180 shapes, and a
 * letter moves to the next country whose name starts with it, as in a list.
 */
const selectable = (
  choose: () => void,
  label: string,
  rank: number,
  focusable: boolean,
  moveTo: (rank: number, from: SVGElement) => void,
  last: number,
  startingWith: (letter: string, after: number) => number | undefined,
) => ({
  role: "button",
  tabIndex: focusable ? 0 : -1,
  "aria-label": label,
  "data-rank": rank,
  onClick: choose,
  onKeyDown: (event: React.KeyboardEvent<SVGElement>) => {
    // Arrows follow the reading direction: in a right-to-left page, left goes forward.
    const rtl = event.currentTarget.closest('[dir="rtl"]') !== null;
    const key = rtl
      ? ({ ArrowLeft: "ArrowRight", ArrowRight: "ArrowLeft" }[event.key] ?? event.key)
      : event.key;
    const step = steps[key];
    const byLetter =
      event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey
        ? startingWith(event.key, rank)
        : undefined;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose();
    } else if (step) {
      event.preventDefault();
      moveTo(step(rank, last), event.currentTarget);
    } else if (byLetter !== undefined) {
      event.preventDefault();
      moveTo(byLetter, event.currentTarget);
    }
  },
});

/**
 * An offline world map (Natural Earth 1:110m from the world-atlas package), drawn with d3-geo as SVG.
 * A country without a value is hatched, so "no data" never passes for a low value on any colour scale.
 */
export const WorldMap = ({ values, colour = defaultColour, describe, onSelect, label }: WorldMapProps) => {
  const { t } = useTranslation();
  const path = useMemo(() => geoPath(geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: "Sphere" })), []);
  const names = useCountryNames();
  const ids = useId();
  const hatch = `${ids}-no-data`;
  const nameOf = (shape: CountryFeature): string => {
    const id = shapeKey(shape);
    return /^\d+$/.test(id)
      ? names.byNumeric(Number(id), shape.properties.name)
      : names.byIso3(id, shape.properties.name);
  };
  const places: Place[] = [
    ...shapes.map((shape) => ({
      key: shapeKey(shape),
      name: nameOf(shape),
      d: path(shape) ?? "",
      id: `${shapeKey(shape)}-${shape.properties.name}`,
    })),
    // States too small for the 1:110m atlas (Malta, Singapore, the island states) are a dot on their capital.
    ...names.registry.flatMap((country) => {
      const key = mapKey(country);
      if (
        !values?.has(key) ||
        shapeKeys.has(key) ||
        country.capitalLat === null ||
        country.capitalLon === null
      )
        return [];
      const point = { type: "Point" as const, coordinates: [country.capitalLon, country.capitalLat] };
      return [
        { key, name: names.byIso3(country.iso3, country.name), d: path(point) ?? "", id: country.iso3 },
      ];
    }),
  ];
  // A country without data has nothing to open: it is drawn, not offered as a button.
  const choosable = places.filter((place) => onSelect && (values === undefined || values.has(place.key)));
  const ranks = new Map(
    choosable.sort((a, b) => a.name.localeCompare(b.name)).map((place, rank) => [place, rank]),
  );
  const namesByRank = [...ranks].sort((a, b) => a[1] - b[1]).map(([place]) => place.name);
  const startingWith = (letter: string, after: number): number | undefined => {
    const wanted = letter.toLocaleLowerCase();
    for (let k = 1; k <= namesByRank.length; k++) {
      const rank = (after + k) % namesByRank.length;
      if (namesByRank[rank]?.toLocaleLowerCase().startsWith(wanted)) return rank;
    }
    return undefined;
  };
  const [active, setActive] = useState(0);
  // The focused country's outline is drawn again on top: in the shapes' own order, neighbours drawn later would
  // cover most of any ring around it.
  const [focused, setFocused] = useState<Place | null>(null);
  const moveTo = (rank: number, from: SVGElement) => {
    setActive(rank);
    from.ownerSVGElement?.querySelector<SVGElement>(`[data-rank="${rank}"]`)?.focus();
  };
  return (
    <svg
      className="world-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role={onSelect ? "group" : "img"}
      aria-label={label}
      aria-describedby={onSelect ? `${ids}-keys` : undefined}
      direction="ltr"
    >
      {onSelect && <desc id={`${ids}-keys`}>{t("map.keys")}</desc>}
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="no-data-ground" />
          <line x1="0" y1="0" x2="0" y2="6" className="no-data-line" />
        </pattern>
      </defs>
      <path d={path({ type: "Sphere" }) ?? ""} className="sphere" />
      {places.map((place) => {
        const { key: id, name } = place;
        const rank = ranks.get(place);
        const value = values?.get(id);
        const text = describe ? describe(name, value) : name;
        return (
          <path
            key={place.id}
            d={place.d}
            fill={
              values === undefined ? defaultColour() : value === undefined ? `url(#${hatch})` : colour(value)
            }
            className={rank === undefined ? "country" : "country selectable"}
            {...(onSelect && rank !== undefined
              ? {
                  ...selectable(
                    () => onSelect(id, name),
                    text,
                    rank,
                    rank === active,
                    moveTo,
                    ranks.size - 1,
                    startingWith,
                  ),
                  onFocus: () => setFocused(place),
                  onBlur: () => setFocused(null),
                }
              : {})}
          >
            <title>{text}</title>
          </path>
        );
      })}
      {focused && <path d={focused.d} className="focus-ring" />}
    </svg>
  );
};

/** A map's key: one swatch per colour, then the hatching of countries without a value, named `missing`. */
export const MapLegend = ({
  caption,
  items,
  missing,
}: {
  /** What the swatches sample: the colours run on a continuous scale between them. */
  caption: string;
  items: { colour: string; label: string }[];
  missing: string;
}) => (
  <p className="legend">
    <span>{caption}</span>
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
