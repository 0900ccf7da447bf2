import { describe, expect, it } from "vitest";
import { stalenessOf } from "./stale-data.ts";

describe("why a published forecast is not today's", () => {
  it("tells a run older than the data held from data that are themselves old", () => {
    // Forecast from 2018-12 on data to 2019-12: a new run brings it forward; the data are old as well.
    expect(stalenessOf("2018-12", "2019-12", "2026-05")).toEqual({ dataRunTo: "2019-12", dataAge: 77 });
    // A run from the data's end: only newer data help.
    expect(stalenessOf("2019-12", "2019-12", "2026-05")).toEqual({ dataRunTo: null, dataAge: 77 });
    // Recent data, an older run: a new run is all it takes.
    expect(stalenessOf("2026-01", "2026-04", "2026-05")).toEqual({ dataRunTo: "2026-04", dataAge: null });
  });

  it("says nothing about a run from recent data, and reads the origin when the data end before it", () => {
    expect(stalenessOf("2026-03", "2026-03", "2026-05")).toBeNull();
    // Data replaced by a shorter series: the run's own origin is the newest month known.
    expect(stalenessOf("2026-03", "2025-12", "2026-05")).toBeNull();
  });
});
