import type { DensePanel } from "./panel.ts";

/** A (unit, month) cell relative to the panel's first month. */
export type Cell = { unit: number; month: number };

/**
 * Training cells for one horizon: the country is present at the feature month and its outcome h months later
 * lies at or before the last month of the panel (the origin), so no label comes from after the origin.
 */
export const labelledCells = (
  panel: DensePanel,
  horizon: number,
  minHistoryMonths: number,
): { cells: Cell[]; labels: Float64Array } => {
  const cells: Cell[] = [];
  const labels: number[] = [];
  const { nMonths, sb } = panel;
  for (let u = 0; u < panel.units.length; u++) {
    for (let m = minHistoryMonths; m + horizon < nMonths; m++) {
      const x = sb[u * nMonths + m] as number;
      const y = sb[u * nMonths + m + horizon] as number;
      if (Number.isNaN(x) || Number.isNaN(y)) continue;
      cells.push({ unit: u, month: m });
      labels.push(y);
    }
  }
  return { cells, labels: Float64Array.from(labels) };
};

/** Cells of every country present in the panel's last month: the rows to forecast from. */
export const originCells = (panel: DensePanel): Cell[] => {
  const m = panel.nMonths - 1;
  const cells: Cell[] = [];
  for (let u = 0; u < panel.units.length; u++) {
    if (!Number.isNaN(panel.sb[u * panel.nMonths + m] as number)) cells.push({ unit: u, month: m });
  }
  return cells;
};
