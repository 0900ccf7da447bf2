import { describe, expect, it } from "vitest";
import { layoutClusters } from "./cluster-layout.ts";

const flat = ([lon, lat]: [number, number]): [number, number] => [lon * 10, -lat * 10];
const cluster = (longitude: number, latitude: number, count: number, iso3: string | null = "CAF") => ({
  longitude,
  latitude,
  count,
  iso3,
  coarsened: false,
});

describe("the reports map's clusters as drawn", () => {
  it("keeps cells apart when they are far enough apart on the map", () => {
    const drawn = layoutClusters([cluster(0, 0, 5), cluster(5, 0, 3)], flat, 40);
    expect(drawn).toEqual([
      { x: 0, y: -0, count: 5, iso3: "CAF" },
      { x: 50, y: -0, count: 3, iso3: "CAF" },
    ]);
  });

  it("draws close cells as one at their weighted mean place, every report counted once", () => {
    const drawn = layoutClusters([cluster(1, 0, 1), cluster(0, 0, 3), cluster(20, 0, 2)], flat, 40);
    expect(drawn).toEqual([
      { x: 2.5, y: -0, count: 4, iso3: "CAF" },
      { x: 200, y: -0, count: 2, iso3: "CAF" },
    ]);
  });

  it("names no country for cells drawn together across a border", () => {
    const [only, ...rest] = layoutClusters([cluster(0, 0, 3), cluster(1, 1, 2, "TCD")], flat, 40);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ count: 5, iso3: null });
  });

  it("leaves out a cell the projection cannot place", () => {
    expect(layoutClusters([cluster(0, 0, 3)], () => null, 40)).toEqual([]);
  });
});
