import { priogridCell } from "../../data/priogrid.ts";
import { type MonthKey, monthIndex } from "../../shared/months.ts";

/** One event of the country, as the cell forecast reads it. */
export type CellEvent = {
  priogridGid: number;
  month: MonthKey;
  deaths: number;
  /** UCDP type of violence 1: the only deaths the cell forecast counts. */
  stateBased: boolean;
};

/**
 * State-based deaths per cell and month for one country, from its first event to the origin. `cells` are all the
 * cells the country has had an event in (any type, at or before the origin): without borders at hand, those
 * are the cells known to be the country's. `forecastCells` indexes the ones forecast.
 */
export type CellPanel = {
  origin: MonthKey;
  firstMonth: number;
  nMonths: number;
  cells: number[];
  /** deaths[cell * nMonths + month offset] */
  deaths: Float64Array;
  /** Indices in `cells` of each cell's neighbours that belong to the country. */
  neighbours: number[][];
  countryDeaths: Float64Array;
  forecastCells: number[];
};

/** Cells with state-based deaths this many months up to the origin are forecast, with their neighbours. */
export const activeWindowMonths = 120;

/** The eight cells around a cell (fewer at the poles); PRIO-GRID rows run south to north. */
export const neighbourGids = (gid: number): number[] => {
  const { row, col } = priogridCell(gid);
  const out: number[] = [];
  for (const dr of [-1, 0, 1])
    for (const dc of [-1, 0, 1]) {
      const r = row + dr;
      const c = ((col + dc + 719) % 720) + 1;
      if ((dr !== 0 || dc !== 0) && r >= 1 && r <= 360) out.push((r - 1) * 720 + c);
    }
  return out;
};

const activeCells = (events: readonly CellEvent[], originIndex: number): Set<number> =>
  new Set(
    events
      .filter((e) => e.stateBased && e.deaths > 0 && originIndex - monthIndex(e.month) < activeWindowMonths)
      .map((e) => e.priogridGid),
  );

/** The panel at `origin`, from the events dated at or before it only: later events cannot change it. */
export const buildCellPanel = (events: readonly CellEvent[], origin: MonthKey): CellPanel => {
  const originIndex = monthIndex(origin);
  const known = events.filter((e) => monthIndex(e.month) <= originIndex);
  if (known.length === 0) throw new RangeError(`no events at or before ${origin}`);
  const cells = [...new Set(known.map((e) => e.priogridGid))].sort((a, b) => a - b);
  const indexOf = new Map(cells.map((gid, i) => [gid, i]));
  const firstMonth = Math.min(...known.map((e) => monthIndex(e.month)));
  const nMonths = originIndex - firstMonth + 1;
  const deaths = new Float64Array(cells.length * nMonths);
  const countryDeaths = new Float64Array(nMonths);
  for (const e of known) {
    if (!e.stateBased) continue;
    const t = monthIndex(e.month) - firstMonth;
    const at = (indexOf.get(e.priogridGid) as number) * nMonths + t;
    deaths[at] = (deaths[at] as number) + e.deaths;
    countryDeaths[t] = (countryDeaths[t] as number) + e.deaths;
  }
  const neighbours = cells.map((gid) =>
    neighbourGids(gid)
      .map((n) => indexOf.get(n))
      .filter((i) => i !== undefined),
  );
  const active = activeCells(known, originIndex);
  const forecast = new Set<number>();
  for (const gid of active) {
    const i = indexOf.get(gid) as number;
    forecast.add(i);
    for (const n of neighbours[i] ?? []) forecast.add(n);
  }
  const forecastCells = [...forecast].sort((a, b) => a - b);
  return { origin, firstMonth, nMonths, cells, deaths, neighbours, countryDeaths, forecastCells };
};
