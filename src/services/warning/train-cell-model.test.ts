import { describe, expect, it } from "vitest";
import { addMonths, monthRange } from "../../core/shared/months.ts";
import type { CellEvent } from "../../core/warning/cells/cell-panel.ts";
import { fitCellModel } from "./train-cell-model.ts";

/** Cells of a three-by-three block with deterministic, uneven violence over six years. */
const events: CellEvent[] = monthRange("2014-01", "2019-12").flatMap((month, t) =>
  [0, 1, 2].flatMap((row) =>
    [0, 1, 2]
      .filter((col) => (t * 7 + row * 3 + col * 5) % (3 + row + col) === 0)
      .map((col) => ({
        priogridGid: 200_000 + row * 720 + col,
        month,
        deaths: 1 + (t % 4),
        stateBased: true,
      })),
  ),
);

const forecastAt = (input: readonly CellEvent[], origin: string) =>
  fitCellModel(input, origin, { rounds: 20 }).forecasts.map((f) => [f.priogridGid, f.horizon, f.pGt0]);

describe("the cell model", () => {
  it("forecasts each cell for 12 months with probabilities", () => {
    const forecasts = fitCellModel(events, "2018-12", { rounds: 20 }).forecasts;
    const cells = new Set(events.filter((e) => e.month <= "2018-12").map((e) => e.priogridGid));
    expect(cells.size).toBeGreaterThan(5);
    expect(forecasts).toHaveLength(cells.size * 12);
    for (const f of forecasts) expect(f.pGt0).toBeGreaterThan(0);
    for (const f of forecasts) expect(f.pGt0).toBeLessThan(1);
  });

  it("gives the same forecast whatever happened after the origin, and another when the origin month changes", () => {
    const origin = "2018-12";
    const before = events.filter((e) => e.month <= origin);
    const rewritten = [
      ...before,
      ...events.filter((e) => e.month > origin).map((e) => ({ ...e, deaths: e.deaths * 50 })),
      { priogridGid: 200_001, month: addMonths(origin, 1), deaths: 900, stateBased: true },
    ];
    const reference = forecastAt(before, origin);
    expect(forecastAt(rewritten, origin)).toEqual(reference);
    const atOrigin = [...before, { priogridGid: 200_721, month: origin, deaths: 900, stateBased: true }];
    expect(forecastAt(atOrigin, origin)).not.toEqual(reference);
  });
});
