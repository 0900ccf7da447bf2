import { type FeatureGrid, gatherRows } from "./features.ts";
import type { DensePanel } from "./panel.ts";
import type { Cell } from "./targets.ts";

/**
 * The target month's time of year in the country's own past: fighting seasons and December's year-dated events
 * recur by calendar month. They depend on the horizon (the month forecast), so they are gathered per horizon
 * beside the horizon-free grid. In the backtest they lowered Brier for ≥1 death by about 0.4% on December and
 * on June origins.
 */
export const seasonFeatureNames = [
  "season_violent_share",
  "season_near_violent_share",
  "season_excess_share",
] as const;

const seasonYears = 8;

/** Per unit, how many months before each month were violent and how many known: `[unit × (nMonths + 1) + month]`. */
type MonthCounts = { violent: Int32Array; known: Int32Array };

const countMonths = (panel: DensePanel): MonthCounts => {
  const width = panel.nMonths + 1;
  const violent = new Int32Array(panel.units.length * width);
  const known = new Int32Array(panel.units.length * width);
  for (let u = 0; u < panel.units.length; u++) {
    for (let m = 0; m < panel.nMonths; m++) {
      const v = panel.history[u * panel.nMonths + m] as number;
      const at = u * width + m + 1;
      violent[at] = (violent[at - 1] as number) + (v > 0 ? 1 : 0);
      known[at] = (known[at - 1] as number) + (Number.isNaN(v) ? 0 : 1);
    }
  }
  return { violent, known };
};

/**
 * For the cell's target month `month + horizon`: the share of the same calendar month violent in the last
 * 8 years, the same with a month either side, and how much the first exceeds the share of all months in those
 * years. Only months at or before the cell's own are read; NaN where none is known.
 */
const seasonRow = (panel: DensePanel, counts: MonthCounts, cell: Cell, horizon: number): number[] => {
  const base = cell.unit * (panel.nMonths + 1);
  const share = (windows: readonly (readonly [number, number])[]): number => {
    let violent = 0;
    let known = 0;
    for (const [from, to] of windows) {
      const a = Math.max(0, from);
      const b = Math.min(to, cell.month);
      if (b < a) continue;
      violent += (counts.violent[base + b + 1] as number) - (counts.violent[base + a] as number);
      known += (counts.known[base + b + 1] as number) - (counts.known[base + a] as number);
    }
    return known === 0 ? Number.NaN : violent / known;
  };
  const sameMonths = Array.from({ length: seasonYears }, (_, k) => cell.month + horizon - 12 * (k + 1));
  const same = share(sameMonths.map((m) => [m, m] as const));
  const near = share(sameMonths.map((m) => [m - 1, m + 1] as const));
  return [same, near, same - share([[cell.month - 12 * seasonYears + 1, cell.month]])];
};

/** Feature rows of the grid followed by the season features for `horizon`, in `horizonFeatureNames` order. */
export const gatherHorizonRows = (
  grid: FeatureGrid,
  panel: DensePanel,
  cells: readonly Cell[],
  horizon: number,
): { features: Float32Array; nCols: number } => {
  const counts = countMonths(panel);
  return gatherRows(grid, cells, (i) => seasonRow(panel, counts, cells[i] as Cell, horizon));
};

export const horizonFeatureNames = (grid: FeatureGrid): string[] => [...grid.names, ...seasonFeatureNames];
