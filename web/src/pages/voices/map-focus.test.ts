import { geoPath } from "d3-geo";
import { describe, expect, it } from "vitest";
import { fittedProjection, mapFocus, type Place } from "./map-focus.ts";

const SIZE: [number, number] = [960, 470];
const registry = [
  { iso3: "SYR", isoNumeric: 760, capitalLon: 36.3, capitalLat: 33.5 },
  { iso3: "LBN", isoNumeric: 422, capitalLon: 35.5, capitalLat: 33.9 },
  { iso3: "FJI", isoNumeric: 242, capitalLon: 178.4, capitalLat: -18.1 },
  { iso3: "MLT", isoNumeric: 470, capitalLon: 14.5, capitalLat: 35.9 },
];
const aleppo: Place = { iso3: "SYR", lon: 37.2, lat: 36.2 };
const beirut: Place = { iso3: "LBN", lon: 35.5, lat: 33.9 };

/** Where the area lands on the map, in its pixels: [[left, top], [right, bottom]]. */
const drawnBounds = (focus: ReturnType<typeof mapFocus>) => {
  const projection = fittedProjection(focus?.area ?? null, SIZE);
  return geoPath(projection).bounds(
    focus ? { type: "GeometryCollection", geometries: focus.outline } : { type: "Sphere" },
  );
};

describe("what the reports map zooms to", () => {
  it("zooms to the country filtered on, its outline filling the map", () => {
    const focus = mapFocus({ filtered: "SYR", registry, places: [] });
    expect(focus?.iso3).toBe("SYR");
    expect(focus?.outline).toHaveLength(1);
    const [[left, top], [right, bottom]] = drawnBounds(focus);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(SIZE[0]);
    // The margin around a country keeps its neighbours in sight, yet it fills most of the map's height.
    expect(bottom - top).toBeGreaterThan(SIZE[1] / 2);
  });

  it("zooms to the one country every place lies in, and to no country when they lie in two", () => {
    expect(mapFocus({ filtered: null, registry, places: [aleppo, aleppo] })?.iso3).toBe("SYR");
    expect(mapFocus({ filtered: null, registry, places: [aleppo, beirut] })?.iso3).toBeNull();
    expect(
      mapFocus({ filtered: null, registry, places: [aleppo, { ...beirut, iso3: null }] })?.iso3,
    ).toBeNull();
    expect(mapFocus({ filtered: null, registry, places: [] })).toBeNull();
  });

  it("fits the places of reports in several countries, not the whole world", () => {
    const bamako: Place = { iso3: "MLI", lon: -8, lat: 12.6 };
    const focus = mapFocus({ filtered: null, registry, places: [aleppo, beirut, bamako] });
    expect(focus?.outline).toEqual([]);
    const projection = fittedProjection(focus?.area ?? null, SIZE);
    const drawn = [aleppo, beirut, bamako].map((place) => projection([place.lon, place.lat]) ?? [-1, -1]);
    for (const [x = -1, y = -1] of drawn) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(SIZE[0]);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(SIZE[1]);
    }
    // From Bamako to Aleppo spans most of the map's width, where the whole world would leave it a fifth.
    const [west = 0, east = 0] = [drawn[2]?.[0], drawn[0]?.[0]];
    expect(east - west).toBeGreaterThan(SIZE[0] / 2);
  });

  it("shows the whole world for a code the registry does not know", () => {
    expect(mapFocus({ filtered: "XYZ", registry, places: [] })).toBeNull();
    const [[left, top], [right, bottom]] = drawnBounds(null);
    expect(right - left).toBeCloseTo(SIZE[0]);
    expect(bottom - top).toBeGreaterThan(SIZE[1] - 4);
  });

  it("zooms to the capital of a country too small for the atlas", () => {
    const focus = mapFocus({ filtered: "MLT", registry, places: [] });
    expect(focus?.outline).toEqual([]);
    const projection = fittedProjection(focus?.area ?? null, SIZE);
    const [x = 0, y = 0] = projection([14.5, 35.9]) ?? [];
    expect(Math.abs(x - SIZE[0] / 2)).toBeLessThan(20);
    expect(Math.abs(y - SIZE[1] / 2)).toBeLessThan(20);
  });

  it("draws a country across the 180th meridian in one piece", () => {
    const [[left], [right]] = drawnBounds(mapFocus({ filtered: "FJI", registry, places: [] }));
    expect(right - left).toBeLessThan(SIZE[0] / 2);
  });
});
