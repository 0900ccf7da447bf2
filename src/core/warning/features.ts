import { monthIndex } from "../shared/months.ts";
import {
  conflictFeatureNames,
  fillConflictHistory,
  fillPeaceAgreements,
  peaceAgreementFeatureNames,
} from "./conflict-history.ts";
import { fillOwnHistory, type TrailingSums, windows } from "./own-history.ts";
import type { Capital, ConflictYear, CountryYearRow, DensePanel, PeaceAgreement } from "./panel.ts";
import { capitalsAt, distanceMatrix } from "./spatial.ts";
import { predecessorOf } from "./successor-states.ts";

/** A country-year indicator used as a feature; `log` for skewed levels (population, GDP per capita). */
type CovariateSpec = { name: string; transform: "log" | "none" };

export const defaultCovariates: readonly CovariateSpec[] = [
  { name: "population", transform: "log" },
  { name: "gdppc", transform: "log" },
  { name: "wdi_imr", transform: "none" },
  { name: "v2x_polyarchy", transform: "none" },
  { name: "v2x_libdem", transform: "none" },
  { name: "v2x_corr", transform: "none" },
  { name: "youth", transform: "none" },
];

type FeatureOptions = {
  countryYear?: readonly CountryYearRow[];
  capitals?: readonly Capital[];
  covariates?: readonly CovariateSpec[];
  conflicts?: readonly ConflictYear[];
  agreements?: readonly PeaceAgreement[];
  /** Capitals closer than this count as neighbours for the spatial lag. */
  neighbourKm?: number;
  /**
   * A country-year value is used only once the year ended at least this many months before the month being
   * described: indicators are published with a lag, and a value for the current year would be from the future.
   */
  covariateLagMonths?: number;
  /** Adds the longer-memory, lag and world features (`extendedFeatureNames`). */
  extended?: boolean;
};

const historyFeatureNames = [
  ...windows.map((w) => `ln_sb_${w}`),
  "ln_sb_max_12",
  "violent_months_3",
  "violent_months_6",
  "violent_months_12",
  "violent_months_24",
  "ge25_months_12",
  "violent_share_all",
  "ln_sb_change_3",
  "ewma_ln_sb_hl3",
  "months_since_gt0",
  "months_since_ge25",
  "decay_gt0_hl12",
  "decay_ge25_hl12",
  "decay_ge25_hl48",
] as const;

/**
 * Longer memory, single lags, a short-term trend, the state of the world (same value for every country) and
 * the time of year with the December excess of year-dated events.
 */
const extendedFeatureNames = [
  "ln_sb_lag2",
  "ln_sb_lag3",
  "ln_sb_60",
  "ln_sb_max_60",
  "violent_months_60",
  "violent_trend_6",
  "decay_gt0_hl3",
  "decay_gt0_hl48",
  "world_ln_sb_12",
  "world_violent_share_1",
  "calendar_month",
  "ln_december_excess",
] as const;

const neighbourFeatureNames = ["nb_ln_sb_3", "nb_ln_sb_12", "nb_count_ge25_12", "nb_dist_ge25_12"] as const;

/**
 * Features for every unit and month of a dense panel, each computed only from data dated at or before
 * that month. `values[(u * nMonths + m) * nFeatures + f]`.
 */
export type FeatureGrid = {
  names: readonly string[];
  nFeatures: number;
  nMonths: number;
  firstMonth: number;
  values: Float32Array;
};

export const featureNames = (options: FeatureOptions = {}): string[] => [
  ...historyFeatureNames,
  ...(options.extended ? extendedFeatureNames : []),
  ...(options.capitals ? neighbourFeatureNames : []),
  ...(options.countryYear ? (options.covariates ?? defaultCovariates).map((c) => `cy_${c.name}`) : []),
  ...(options.conflicts ? conflictFeatureNames : []),
  ...(options.agreements ? peaceAgreementFeatureNames : []),
];

/**
 * The latest year whose December lies at least `lagMonths` before the (absolute) month: country-year data are
 * published with a lag, and a value for a year still running would come from the future.
 */
const usableYear = (absoluteMonth: number, lagMonths: number): number =>
  Math.floor((absoluteMonth - lagMonths - 11) / 12);

/** Fills the groups after a unit's own history, in `featureNames`' order: world, neighbours, covariates, conflicts, agreements. */
const fillOtherGroups = (
  panel: DensePanel,
  options: FeatureOptions,
  trailing: TrailingSums,
  values: Float32Array,
  nF: number,
): void => {
  if (options.extended) fillWorld(panel, trailing.sum12, values, nF, historyFeatureNames.length + 8);
  let f0 = historyFeatureNames.length + (options.extended ? extendedFeatureNames.length : 0);
  if (options.capitals) {
    fillNeighbours(panel, options.capitals, options.neighbourKm ?? 1000, trailing, values, nF, f0);
    f0 += neighbourFeatureNames.length;
  }
  const lag = options.covariateLagMonths ?? 12;
  if (options.countryYear) {
    fillCovariates(panel, options.countryYear, options.covariates ?? defaultCovariates, lag, values, nF, f0);
    f0 += (options.covariates ?? defaultCovariates).length;
  }
  if (options.conflicts) {
    fillConflictHistory(panel, options.conflicts, (m) => usableYear(m, lag), values, nF, f0);
    f0 += conflictFeatureNames.length;
  }
  if (options.agreements) fillPeaceAgreements(panel, options.agreements, values, nF, f0);
};

/** Every feature of every unit and month of the panel, in `featureNames`' order. */
export const buildFeatureGrid = (panel: DensePanel, options: FeatureOptions = {}): FeatureGrid => {
  const names = featureNames(options);
  const nF = names.length;
  const { nMonths, firstMonth, units } = panel;
  const values = new Float32Array(units.length * nMonths * nF).fill(Number.NaN);
  const trailing = fillOwnHistory(panel, values, nF, Boolean(options.extended));
  fillOtherGroups(panel, options, trailing, values, nF);
  return { names, nFeatures: nF, nMonths, firstMonth, values };
};

/** World totals at each month: log1p of all deaths in the last 12 months, and the share of countries violent now. */
const fillWorld = (
  panel: DensePanel,
  sum12: Float64Array,
  values: Float32Array,
  nF: number,
  f: number,
): void => {
  const { nMonths, units } = panel;
  for (let m = 0; m < nMonths; m++) {
    let total = 0;
    let present = 0;
    let violent = 0;
    for (let u = 0; u < units.length; u++) {
      const v = panel.sb[u * nMonths + m] as number;
      // A new state's months before independence are already counted under its predecessor.
      if (!(Number.isNaN(v) && predecessorOf.has(units[u]?.gwcode ?? 0)))
        total += sum12[u * nMonths + m] as number;
      if (Number.isNaN(v)) continue;
      present++;
      if (v > 0) violent++;
    }
    for (let u = 0; u < units.length; u++) {
      const row = (u * nMonths + m) * nF + f;
      values[row] = Math.log1p(total);
      values[row + 1] = present === 0 ? 0 : violent / present;
    }
  }
};

const fillNeighbours = (
  panel: DensePanel,
  capitals: readonly Capital[],
  radiusKm: number,
  lags: TrailingSums,
  values: Float32Array,
  nF: number,
  f0: number,
): void => {
  const { nMonths, firstMonth, units } = panel;
  const nU = units.length;
  const codes = units.map((u) => u.gwcode);
  let signature = "";
  let dist: Float64Array = new Float64Array(0);
  for (let m = 0; m < nMonths; m++) {
    const points = capitalsAt(codes, capitals, firstMonth + m, monthIndex);
    const nextSignature = points.map((p) => (p ? `${p.lat},${p.lon}` : "-")).join(";");
    // Capitals rarely move, so the distance matrix is rebuilt only when one does.
    if (nextSignature !== signature) {
      signature = nextSignature;
      dist = distanceMatrix(points);
    }
    for (let u = 0; u < nU; u++) {
      if (points[u] === null) continue;
      let s3 = 0;
      let s12 = 0;
      let hotCount = 0;
      let nearestHot = Number.POSITIVE_INFINITY;
      for (let v = 0; v < nU; v++) {
        if (v === u) continue;
        const d = dist[u * nU + v] as number;
        const at = v * nMonths + m;
        if (Number.isNaN(d) || Number.isNaN(panel.sb[at] as number)) continue;
        if (lags.hot12[at] === 1 && d < nearestHot) nearestHot = d;
        if (d > radiusKm) continue;
        s3 += lags.sum3[at] as number;
        s12 += lags.sum12[at] as number;
        hotCount += lags.hot12[at] as number;
      }
      const row = (u * nMonths + m) * nF + f0;
      values[row] = Math.log1p(s3);
      values[row + 1] = Math.log1p(s12);
      values[row + 2] = hotCount;
      // In thousands of km, capped: beyond ~5,000 km a conflict is no longer "nearby" in any useful sense.
      values[row + 3] = Math.min(nearestHot, 5000) / 1000;
    }
  }
};

const fillCovariates = (
  panel: DensePanel,
  countryYear: readonly CountryYearRow[],
  specs: readonly CovariateSpec[],
  lag: number,
  values: Float32Array,
  nF: number,
  f0: number,
): void => {
  const byCountry = new Map<number, Map<number, Readonly<Record<string, number | null>>>>();
  for (const row of countryYear) {
    let years = byCountry.get(row.gwcode);
    if (!years) {
      years = new Map();
      byCountry.set(row.gwcode, years);
    }
    years.set(row.year, row.values);
  }
  const { nMonths, firstMonth, units } = panel;
  // Indicators are often a year or two late; carry the last known value forward this far, no further.
  const carryYears = 3;
  units.forEach((unit, u) => {
    const years = byCountry.get(unit.gwcode);
    if (!years) return;
    for (let m = 0; m < nMonths; m++) {
      const year = usableYear(firstMonth + m, lag);
      const row = (u * nMonths + m) * nF + f0;
      specs.forEach((spec, i) => {
        for (let y = year; y > year - carryYears; y--) {
          const raw = years.get(y)?.[spec.name];
          if (raw === null || raw === undefined || !Number.isFinite(raw)) continue;
          values[row + i] = spec.transform === "log" ? Math.log(Math.max(raw, 1e-9)) : raw;
          return;
        }
      });
    }
  });
};

/** Copies the feature rows of the given (unit, relative month) cells into one row-major matrix. */
export const gatherRows = (
  grid: FeatureGrid,
  cells: readonly { unit: number; month: number }[],
  extra?: (cell: number) => readonly number[],
): { features: Float32Array; nCols: number } => {
  const extraWidth = extra && cells.length > 0 ? extra(0).length : 0;
  const nCols = grid.nFeatures + extraWidth;
  const out = new Float32Array(cells.length * nCols);
  cells.forEach((cell, i) => {
    const from = (cell.unit * grid.nMonths + cell.month) * grid.nFeatures;
    out.set(grid.values.subarray(from, from + grid.nFeatures), i * nCols);
    if (extra) out.set(extra(i), i * nCols + grid.nFeatures);
  });
  return { features: out, nCols };
};
