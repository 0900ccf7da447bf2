import { describe, expect, it } from "vitest";
import { clickedPoint, pointFrom, zoomWindow } from "./form-map.ts";

describe("the public form's clickable map", () => {
  it("turns a click on the world map into coordinates, one unit a degree", () => {
    expect(clickedPoint({ x: "200.5", y: "84" }, undefined)).toEqual({ lat: 6, lon: 20.5 });
  });

  it("reads a click on the closer window around the first pick, kept inside the world", () => {
    expect(zoomWindow({ lat: 85, lon: 175 })).toEqual({ west: 144, north: 90 });
    expect(clickedPoint({ x: "180", y: "90" }, { lat: 6, lon: 20 })).toEqual({ lat: 6, lon: 20 });
  });

  it("takes the image's corner for a keyboard, not a place", () => {
    expect(clickedPoint({ x: "0", y: "0" }, undefined)).toBeUndefined();
    expect(clickedPoint({ x: "not a number", y: "0" }, undefined)).toBeUndefined();
  });

  it("accepts only numbers on the globe, and an empty field as none", () => {
    expect(pointFrom("6.5", "20")).toEqual({ lat: 6.5, lon: 20 });
    expect(pointFrom("", "20")).toBeUndefined();
    expect(pointFrom("91", "20")).toBeUndefined();
    expect(pointFrom("x", "20")).toBeUndefined();
  });
});
