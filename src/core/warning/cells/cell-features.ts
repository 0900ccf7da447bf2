import type { CellPanel } from "./cell-panel.ts";

/** The columns of a cell-month row, in order; every one reads months at or before the row's month only. */
export const cellFeatureNames = [
  "horizon",
  "own_deaths_1",
  "own_deaths_3",
  "own_deaths_12",
  "own_violent_months_12",
  "own_violent_months_36",
  "own_months_since_violence",
  "neighbour_deaths_1",
  "neighbour_deaths_3",
  "neighbour_deaths_12",
  "neighbour_violent_cell_months_12",
  "neighbour_months_since_violence",
  "country_deaths_1",
  "country_deaths_3",
  "country_deaths_12",
] as const;

export const cellFeatureCount = cellFeatureNames.length;

/** "Never" (or before the data start) reads as ten years: older violence says little more. */
const monthsSinceCap = 120;

/** Running sums and last-violence months, so each feature is O(1) per row. */
export type CellFeatureGrid = {
  panel: CellPanel;
  ownDeaths: Float64Array;
  ownViolent: Float64Array;
  ownLast: Int32Array;
  neighbourDeaths: Float64Array;
  neighbourViolent: Float64Array;
  neighbourLast: Int32Array;
  countryDeaths: Float64Array;
};

/** Prefix sums with one leading zero per cell: sum over months (a, b] is s[b + 1] − s[a + 1]. */
const prefixSums = (values: (cell: number, t: number) => number, nCells: number, nMonths: number) => {
  const out = new Float64Array(nCells * (nMonths + 1));
  for (let c = 0; c < nCells; c++) {
    const base = c * (nMonths + 1);
    for (let t = 0; t < nMonths; t++) out[base + t + 1] = (out[base + t] as number) + values(c, t);
  }
  return out;
};

const lastMonths = (violent: (cell: number, t: number) => boolean, nCells: number, nMonths: number) => {
  const out = new Int32Array(nCells * nMonths);
  for (let c = 0; c < nCells; c++) {
    let last = -1;
    for (let t = 0; t < nMonths; t++) {
      if (violent(c, t)) last = t;
      out[c * nMonths + t] = last;
    }
  }
  return out;
};

export const buildCellFeatureGrid = (panel: CellPanel): CellFeatureGrid => {
  const { nMonths, deaths, neighbours } = panel;
  const nCells = panel.cells.length;
  const at = (c: number, t: number) => deaths[c * nMonths + t] as number;
  const aroundDeaths = (c: number, t: number) => (neighbours[c] ?? []).reduce((s, n) => s + at(n, t), 0);
  const aroundViolent = (c: number, t: number) =>
    (neighbours[c] ?? []).reduce((s, n) => s + (at(n, t) > 0 ? 1 : 0), 0);
  return {
    panel,
    ownDeaths: prefixSums(at, nCells, nMonths),
    ownViolent: prefixSums((c, t) => (at(c, t) > 0 ? 1 : 0), nCells, nMonths),
    ownLast: lastMonths((c, t) => at(c, t) > 0, nCells, nMonths),
    neighbourDeaths: prefixSums(aroundDeaths, nCells, nMonths),
    neighbourViolent: prefixSums(aroundViolent, nCells, nMonths),
    neighbourLast: lastMonths((c, t) => aroundViolent(c, t) > 0, nCells, nMonths),
    countryDeaths: prefixSums((_, t) => panel.countryDeaths[t] as number, 1, nMonths),
  };
};

/** Sum over the `window` months ending at month t (fewer at the start of the data). */
const windowSum = (sums: Float64Array, cell: number, nMonths: number, t: number, window: number): number => {
  const base = cell * (nMonths + 1);
  return (sums[base + t + 1] as number) - (sums[base + Math.max(0, t - window + 1)] as number);
};

const since = (last: Int32Array, cell: number, nMonths: number, t: number): number => {
  const month = last[cell * nMonths + t] as number;
  return month < 0 ? monthsSinceCap : Math.min(monthsSinceCap, t - month);
};

/** Writes the row of cell `c` at month offset `t`, forecasting `h` months ahead, into `out` at `offset`. */
export const writeCellFeatures = (
  grid: CellFeatureGrid,
  c: number,
  t: number,
  h: number,
  out: Float32Array,
  offset: number,
): void => {
  const n = grid.panel.nMonths;
  const own = (w: number) => Math.log1p(windowSum(grid.ownDeaths, c, n, t, w));
  const around = (w: number) => Math.log1p(windowSum(grid.neighbourDeaths, c, n, t, w));
  const country = (w: number) => Math.log1p(windowSum(grid.countryDeaths, 0, n, t, w));
  const row = [
    h,
    own(1),
    own(3),
    own(12),
    windowSum(grid.ownViolent, c, n, t, 12),
    windowSum(grid.ownViolent, c, n, t, 36),
    since(grid.ownLast, c, n, t),
    around(1),
    around(3),
    around(12),
    windowSum(grid.neighbourViolent, c, n, t, 12),
    since(grid.neighbourLast, c, n, t),
    country(1),
    country(3),
    country(12),
  ];
  out.set(row, offset);
};
