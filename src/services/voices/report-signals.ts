import { priogridCell } from "../../core/data/priogrid.ts";
import { suppressSmallCells } from "../../core/voices/protection.ts";
import type { TSignals } from "../../core/voices/report.schemas.ts";
import type { Db } from "../../db/types.ts";
import {
  countryMonthCounts,
  gridMonthCounts,
  type SignalFilter,
} from "../../repositories/voices/signals.repository.ts";

export type Signals = TSignals;

const withoutSmallCells = <T extends { count: number }>(
  rows: readonly T[],
  k: number,
  groupOf?: (row: T) => string,
) => suppressSmallCells(rows, k, groupOf).filter((row) => !row.suppressed);

/**
 * Verified reports as signals: counts per country-month and category, and per PRIO-GRID cell and month,
 * across all organisations. These aggregates leave the receiving organisations, so every count under k
 * is withheld, and locations are never finer than a grid cell. A grid cell with fewer than k reports is
 * left out altogether: listing it, even without its count, would place those few reporters in it.
 */
export const reportSignals = async (db: Db, filter: SignalFilter, k: number): Promise<Signals> => {
  const countries = await countryMonthCounts(db, filter);
  const grid = await gridMonthCounts(db, filter);
  const cells = new Map<string, { priogridGid: number; iso3: string | null; month: string; count: number }>();
  for (const row of grid) {
    const key = `${row.priogridGid}|${row.month}`;
    const cell = cells.get(key) ?? {
      priogridGid: row.priogridGid,
      iso3: row.iso3,
      month: row.month,
      count: 0,
    };
    cell.count += row.count;
    cells.set(key, cell);
  }
  return {
    minCellCount: k,
    countryMonths: suppressSmallCells(countries, k, (row) => `${row.iso3}|${row.month}`),
    gridMonths: withoutSmallCells([...cells.values()], k).map((cell) => {
      const centre = priogridCell(cell.priogridGid);
      return { ...cell, latitude: centre.lat, longitude: centre.lon };
    }),
  };
};

export type GridSignal = {
  priogridGid: number;
  latitude: number;
  longitude: number;
  iso3: string | null;
  month: string;
  category: string;
  count: number | null;
  suppressed: boolean;
};

/**
 * Reports per grid cell, month and category (the export), cells with fewer than k reports left out. The signals
 * show each cell-month's total, so its categories are suppressed together: the total less the categories shown
 * must not give a small one away.
 */
export const gridSignals = async (db: Db, filter: SignalFilter, k: number): Promise<GridSignal[]> =>
  withoutSmallCells(await gridMonthCounts(db, filter), k, (r) => `${r.priogridGid}|${r.month}`).map((r) => {
    const centre = priogridCell(r.priogridGid);
    return {
      priogridGid: r.priogridGid,
      latitude: centre.lat,
      longitude: centre.lon,
      iso3: r.iso3,
      month: r.month,
      category: r.category,
      count: r.count,
      suppressed: r.suppressed,
    };
  });
