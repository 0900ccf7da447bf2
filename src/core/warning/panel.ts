import { type MonthKey, monthIndex } from "../shared/months.ts";
import { predecessorOf } from "./successor-states.ts";

/** One country-month of state-based (sb) UCDP GED fatalities. Countries are keyed by Gleditsch–Ward code. */
export type PanelRow = { gwcode: number; iso3: string; month: MonthKey; sb: number };

/** Structural indicators for one country-year; missing values are simply absent (or null). */
export type CountryYearRow = {
  gwcode: number;
  year: number;
  values: Readonly<Record<string, number | null>>;
};

/**
 * One armed conflict active in one year on a country's territory (UCDP/PRIO ACD): intensity 1 is 25–999
 * battle deaths in the year, 2 is 1,000 or more; type 2 interstate, 3 intrastate, 4 internationalised.
 */
export type ConflictYear = { gwcode: number; year: number; intensity: number; type: number };

/** A peace agreement signed for a conflict on a country's territory (UCDP Peace Agreement Dataset). */
export type PeaceAgreement = { gwcode: number; month: MonthKey; comprehensive: boolean };

/** Capital location, optionally valid only for a period (capitals move: e.g. Nigeria 1991). */
export type Capital = { gwcode: number; lat: number; lon: number; from?: MonthKey; to?: MonthKey };

/** Everything the forecaster reads. Covariates, capitals, conflicts and agreements are optional. */
export type WarningPanel = {
  rows: readonly PanelRow[];
  countryYear?: readonly CountryYearRow[];
  capitals?: readonly Capital[];
  conflicts?: readonly ConflictYear[];
  agreements?: readonly PeaceAgreement[];
};

/**
 * The panel as a dense units × months grid. `sb[u * nMonths + m]` is NaN where the country did not exist,
 * so "absent" and "calm" never get confused. `history` is what features read of the past: `sb`, with the
 * months before a new state existed taken from the state it left (`predecessorOf`), NaN where there is none.
 */
export type DensePanel = {
  units: readonly { gwcode: number; iso3: string }[];
  firstMonth: number;
  nMonths: number;
  sb: Float64Array;
  history: Float64Array;
};

/**
 * Builds the grid from rows dated at or before `upTo` (inclusive), dropping everything later: forecasting at an
 * origin starts here, so nothing after it can reach a feature. Duplicate country-months (state transitions in
 * ViEWS, e.g. USSR and Russia in the same month under one GW code) are summed: same territory, same month.
 */
export const toDensePanel = (rows: readonly PanelRow[], upTo?: MonthKey): DensePanel => {
  const limit = upTo === undefined ? Number.POSITIVE_INFINITY : monthIndex(upTo);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const kept: { unit: number; m: number; sb: number }[] = [];
  const unitOf = new Map<number, number>();
  const units: { gwcode: number; iso3: string; latest: number }[] = [];
  for (const row of rows) {
    const m = monthIndex(row.month);
    if (m > limit) continue;
    if (!Number.isFinite(row.sb) || row.sb < 0)
      throw new Error(`bad fatalities ${row.sb} for ${row.gwcode} ${row.month}`);
    let unit = unitOf.get(row.gwcode);
    if (unit === undefined) {
      unit = units.length;
      unitOf.set(row.gwcode, unit);
      units.push({ gwcode: row.gwcode, iso3: row.iso3, latest: m });
    }
    const u = units[unit];
    // The newest ISO code wins: the forecast is about the country as it is now.
    if (u && m >= u.latest) {
      u.latest = m;
      u.iso3 = row.iso3;
    }
    kept.push({ unit, m, sb: row.sb });
    if (m < first) first = m;
    if (m > last) last = m;
  }
  if (kept.length === 0)
    return { units: [], firstMonth: 0, nMonths: 0, sb: new Float64Array(0), history: new Float64Array(0) };
  const nMonths = last - first + 1;
  const sb = new Float64Array(units.length * nMonths).fill(Number.NaN);
  for (const { unit, m, sb: value } of kept) {
    const at = unit * nMonths + (m - first);
    sb[at] = Number.isNaN(sb[at] as number) ? value : (sb[at] as number) + value;
  }
  return {
    units: units.map(({ gwcode, iso3 }) => ({ gwcode, iso3 })),
    firstMonth: first,
    nMonths,
    sb,
    history: inheritedHistory(units, nMonths, sb),
  };
};

/** `sb` with each new state's months before independence read from its predecessor's (itself inherited). */
const inheritedHistory = (
  units: readonly { gwcode: number }[],
  nMonths: number,
  sb: Float64Array,
): Float64Array => {
  const unitOf = new Map(units.map((unit, u) => [unit.gwcode, u]));
  const history = Float64Array.from(sb);
  const valueAt = (gwcode: number, m: number, depth = 0): number => {
    const u = unitOf.get(gwcode);
    const own = u === undefined ? Number.NaN : (sb[u * nMonths + m] as number);
    const predecessor = predecessorOf.get(gwcode);
    return Number.isNaN(own) && predecessor !== undefined && depth < 4
      ? valueAt(predecessor, m, depth + 1)
      : own;
  };
  units.forEach(({ gwcode }, u) => {
    if (!predecessorOf.has(gwcode)) return;
    for (let m = 0; m < nMonths; m++) history[u * nMonths + m] = valueAt(gwcode, m);
  });
  return history;
};

/** Fatalities of unit `u` at absolute month index `m`; NaN outside the grid or where the country was absent. */
export const sbAt = (panel: DensePanel, u: number, m: number): number => {
  const rel = m - panel.firstMonth;
  if (rel < 0 || rel >= panel.nMonths) return Number.NaN;
  return panel.sb[u * panel.nMonths + rel] as number;
};

/** The most deaths any country recorded in one month of the panel: the worst month on record at its origin. */
export const worstMonth = (panel: DensePanel): number => {
  let worst = 0;
  for (const v of panel.history) if (v > worst) worst = v;
  return worst;
};
