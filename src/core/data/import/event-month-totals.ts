import { csvLine } from "./csv-line.ts";
import { type EventRecord, eventLine } from "./event-rows.ts";

/** Fatalities by type of violence (best, low, high) and the count of events behind them, as stored per month. */
export const MONTH_TOTAL_COLUMNS = [
  "sb_best",
  "sb_low",
  "sb_high",
  "ns_best",
  "ns_low",
  "ns_high",
  "os_best",
  "os_low",
  "os_high",
  "other_best",
  "event_count",
] as const;

/** Columns of the per-country-month event totals a file's events add up to (month = month of date_start). */
export const EVENT_COUNTRY_MONTH_COLUMNS = ["iso3", "month", "gwcode", ...MONTH_TOTAL_COLUMNS] as const;

/** Columns of the per-PRIO-GRID-cell-month event totals. */
export const EVENT_GRID_MONTH_COLUMNS = [
  "priogrid_gid",
  "month",
  "sb_best",
  "ns_best",
  "os_best",
  "other_best",
  "sb_low",
  "sb_high",
  "event_count",
] as const;

export type EventMonthTotals = { countryMonths: string[]; gridMonths: string[] };

/**
 * Adds up events by country-month and by PRIO-GRID-cell-month while the file is validated, so the
 * database does not read every event again to aggregate it. Best, low and high fatalities per type of
 * violence (1 state-based, 2 non-state, 3 one-sided; events without a type count as "other").
 */
export const eventMonthTotals = () => {
  // [sb best, low, high, ns best, low, high, os best, low, high, other best, count]
  const countries = new Map<string, { iso3: string; month: string; gwcode: number | null; sums: number[] }>();
  const cells = new Map<string, { gid: number; month: string; sums: number[] }>();
  const add = (sums: number[], e: EventRecord) => {
    const t = e.typeOfViolence;
    if (t === 1 || t === 2 || t === 3) {
      const at = (t - 1) * 3;
      sums[at] = (sums[at] ?? 0) + e.best;
      sums[at + 1] = (sums[at + 1] ?? 0) + e.low;
      sums[at + 2] = (sums[at + 2] ?? 0) + e.high;
    } else sums[9] = (sums[9] ?? 0) + e.best;
    sums[10] = (sums[10] ?? 0) + 1;
  };
  return {
    /** Counts the event and returns its staged line. */
    line(e: EventRecord): string {
      const month = `${e.dateStart.slice(0, 7)}-01`;
      const countryKey = `${e.iso3}|${month}`;
      let country = countries.get(countryKey);
      if (!country) {
        country = { iso3: e.iso3, month, gwcode: null, sums: new Array(11).fill(0) };
        countries.set(countryKey, country);
      }
      if (e.gwcode !== null && (country.gwcode === null || e.gwcode > country.gwcode))
        country.gwcode = e.gwcode;
      add(country.sums, e);
      if (e.priogridGid !== null) {
        const cellKey = `${e.priogridGid}|${month}`;
        let cell = cells.get(cellKey);
        if (!cell) {
          cell = { gid: e.priogridGid, month, sums: new Array(11).fill(0) };
          cells.set(cellKey, cell);
        }
        add(cell.sums, e);
      }
      return eventLine(e, month);
    },
    totals(): EventMonthTotals {
      const countryMonths = [...countries.values()].map(({ iso3, month, gwcode, sums }) =>
        csvLine([iso3, month, gwcode, ...sums]),
      );
      const gridMonths = [...cells.values()].map(({ gid, month, sums: s }) =>
        csvLine([gid, month, s[0], s[3], s[6], s[9], s[1], s[2], s[10]]),
      );
      return { countryMonths, gridMonths };
    },
  };
};
