import { describe, expect, it } from "vitest";
import { priogridGid } from "../../data/priogrid.ts";
import { cellOutcomes, scoreCellRows } from "./cell-backtest.ts";
import {
  buildCellFeatureGrid,
  type CellFeatureGrid,
  cellFeatureNames,
  writeCellFeatures,
} from "./cell-features.ts";
import { cellForecastCsv, cellForecastCsvHeader } from "./cell-forecast-csv.ts";
import { buildCellPanel, type CellEvent, neighbourGids } from "./cell-panel.ts";
import { cellBaselines, cellForecastRows, cellTrainingRows } from "./cell-rows.ts";

const centre = priogridGid(10.25, 20.25);
const east = centre + 1;
const north = centre + 720;
const far = priogridGid(5.25, 25.25);
const farNeighbour = far + 1;

const event = (gid: number, month: string, deaths: number, stateBased = true): CellEvent => ({
  priogridGid: gid,
  month,
  deaths,
  stateBased,
});

const events: CellEvent[] = [
  event(centre, "2010-01", 5),
  event(centre, "2010-03", 2),
  event(centre, "2010-03", 1),
  event(east, "2010-02", 7),
  // A one-sided event: the cell belongs to the country, its deaths are not counted.
  event(north, "2010-02", 40, false),
  // Violence more than ten years before the origin: neither the cell nor its neighbour is forecast.
  event(far, "1998-01", 3),
  event(farNeighbour, "1998-02", 0, false),
];

type FeatureName = (typeof cellFeatureNames)[number];

/** One feature of a cell at month offset t. */
const feature = (grid: CellFeatureGrid, gid: number, t: number, name: FeatureName) => {
  const out = new Float32Array(cellFeatureNames.length);
  writeCellFeatures(grid, grid.panel.cells.indexOf(gid), t, 1, out, 0);
  return out[cellFeatureNames.indexOf(name)];
};

describe("the cell panel", () => {
  const panel = buildCellPanel(events, "2010-03");

  it("runs from the country's first event to the origin over every cell the country had an event in", () => {
    expect(panel.nMonths).toBe(12 * 12 + 3);
    expect(panel.cells).toEqual([far, farNeighbour, centre, east, north].sort((a, b) => a - b));
  });

  it("forecasts the cells violent in the last ten years and their neighbours in the country only", () => {
    expect(panel.forecastCells.map((i) => panel.cells[i])).toEqual([centre, east, north]);
    expect(neighbourGids(centre)).toHaveLength(8);
    expect(neighbourGids(centre)).toContain(north);
  });

  it("sums state-based deaths per cell and month, and for the country", () => {
    const at = (gid: number, t: number) => panel.deaths[panel.cells.indexOf(gid) * panel.nMonths + t];
    const last = panel.nMonths - 1;
    expect(at(centre, last)).toBe(3);
    expect(at(north, last - 1)).toBe(0);
    expect(panel.countryDeaths[last - 1]).toBe(7);
  });

  it("refuses an origin before the country's first event", () => {
    expect(() => buildCellPanel(events, "1997-12")).toThrow(/no events at or before 1997-12/);
  });
});

describe("cell features", () => {
  const grid = buildCellFeatureGrid(buildCellPanel(events, "2010-03"));
  const last = grid.panel.nMonths - 1;

  it("read the cell's own recent deaths, violent months and months since violence", () => {
    expect(feature(grid, centre, last, "own_deaths_1")).toBeCloseTo(Math.log1p(3));
    expect(feature(grid, centre, last, "own_deaths_3")).toBeCloseTo(Math.log1p(8));
    expect(feature(grid, centre, last, "own_violent_months_12")).toBe(2);
    expect(feature(grid, centre, last - 1, "own_months_since_violence")).toBe(1);
    expect(feature(grid, north, last, "own_months_since_violence")).toBe(120);
  });

  it("read the neighbours' and the country's deaths", () => {
    expect(feature(grid, north, last - 1, "neighbour_deaths_1")).toBeCloseTo(Math.log1p(7));
    expect(feature(grid, north, last, "neighbour_deaths_3")).toBeCloseTo(Math.log1p(15));
    expect(feature(grid, north, last, "neighbour_violent_cell_months_12")).toBe(3);
    expect(feature(grid, east, last, "country_deaths_12")).toBeCloseTo(Math.log1p(15));
  });

  it("at a month, read nothing after it", () => {
    const later = buildCellFeatureGrid(buildCellPanel([...events, event(centre, "2010-03", 500)], "2010-03"));
    for (const name of cellFeatureNames)
      expect(feature(later, centre, last - 1, name), name).toBe(feature(grid, centre, last - 1, name));
  });
});

describe("training and forecast rows", () => {
  const grid = buildCellFeatureGrid(buildCellPanel(events, "2010-03"));
  const options = { maxHorizon: 2, trainMonths: 120, minHistoryMonths: 0 };

  it("label a row with whether the cell had a death h months later, never after the origin", () => {
    const rows = cellTrainingRows(grid, options);
    // Feature months 26..145 (the last 120 before the origin), horizons 1 and 2 where t + h ≤ 146.
    const perCell = 120 * 2 - 1;
    expect(rows.nRows).toBe(3 * perCell);
    // Three violent cell-months (centre twice, east once), each the outcome of one row per horizon.
    expect(rows.labels.reduce((s, y) => s + y, 0)).toBe(3 * 2);
  });

  it("forecast every forecast cell at the origin for each horizon, with its month", () => {
    const { keys, features: values } = cellForecastRows(grid, 2);
    expect(keys.map((k) => `${k.priogridGid}:${k.horizon}:${k.month}`)).toEqual([
      `${centre}:1:2010-04`,
      `${centre}:2:2010-05`,
      `${east}:1:2010-04`,
      `${east}:2:2010-05`,
      `${north}:1:2010-04`,
      `${north}:2:2010-05`,
    ]);
    expect(values[cellFeatureNames.length]).toBe(2);
  });

  it("give the naive baselines of a cell at the origin", () => {
    expect(cellBaselines(grid, grid.panel.cells.indexOf(centre), 0.1)).toEqual({
      last12Share: 2 / 12,
      noChange: 1,
      baseRate: 0.1,
    });
  });
});

describe("leakage", () => {
  it("changing, adding or removing events after the origin changes no panel, row or forecast input", () => {
    const origin = "2010-02";
    const after = [event(centre, "2010-03", 999), event(priogridGid(0.25, 0.25), "2011-01", 4)];
    const before = events.filter((e) => e.month <= origin);
    const a = buildCellFeatureGrid(buildCellPanel(before, origin));
    const b = buildCellFeatureGrid(buildCellPanel([...events, ...after], origin));
    const options = { maxHorizon: 12, trainMonths: 120, minHistoryMonths: 12 };
    expect(b.panel).toEqual(a.panel);
    expect(cellTrainingRows(b, options)).toEqual(cellTrainingRows(a, options));
    expect(cellForecastRows(b, 12)).toEqual(cellForecastRows(a, 12));
  });
});

describe("the cell backtest", () => {
  it("finds which cells had a state-based death in each month after the origin", () => {
    const hits = cellOutcomes(events, "2010-01", 3);
    expect([...hits].sort()).toEqual([`${centre}|2`, `${east}|1`].sort());
  });

  it("scores each method on the same rows, pooled and per horizon", () => {
    const rows = [
      { horizon: 1, outcome: 1, forecasts: { model: 0.9, baseRate: 0.5 } },
      { horizon: 1, outcome: 0, forecasts: { model: 0.1, baseRate: 0.5 } },
      { horizon: 2, outcome: 0, forecasts: { model: 0.2, baseRate: 0.5 } },
    ];
    const scores = scoreCellRows(rows, 2);
    expect(scores.model?.pooled).toMatchObject({ n: 3, positives: 1, auc: 1, ap: 1 });
    expect(scores.model?.pooled.brier).toBeCloseTo((0.01 + 0.01 + 0.04) / 3);
    expect(scores.baseRate?.pooled.auc).toBe(0.5);
    expect(scores.model?.byHorizon[1]).toMatchObject({ n: 1, positives: 0 });
  });
});

it("writes the cell forecast file with its header, by horizon then cell", () => {
  const csv = cellForecastCsv("SYR", [
    { priogridGid: 2, lat: 1.25, lon: 2.25, month: "2020-02", horizon: 2, pGt0: 0.1234567 },
    { priogridGid: 5, lat: 1.25, lon: 3.75, month: "2020-01", horizon: 1, pGt0: 0.5 },
  ]);
  expect(csv).toBe(
    `${cellForecastCsvHeader}\nSYR,5,1.25,3.75,2020-01,1,0.5\nSYR,2,1.25,2.25,2020-02,2,0.123457\n`,
  );
});
