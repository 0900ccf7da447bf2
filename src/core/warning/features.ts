import { monthIndex } from "../shared/months.ts";
import {
  conflictFeatureNames,
  fillConflictHistory,
  fillPeaceAgreements,
  peaceAgreementFeatureNames,
} from "./conflict-history.ts";
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

const windows = [1, 3, 6, 12, 24] as const;
/** Months since something last happened are read at most this far back (20 years). */
export const sinceCap = 240;

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

const lagDecay = (monthsSince: number, halfLife: number): number => 2 ** (-monthsSince / halfLife);

export const buildFeatureGrid = (panel: DensePanel, options: FeatureOptions = {}): FeatureGrid => {
  const names = featureNames(options);
  const nF = names.length;
  const { nMonths, firstMonth, units } = panel;
  const nU = units.length;
  const values = new Float32Array(nU * nMonths * nF).fill(Number.NaN);
  // Trailing 3- and 12-month sums and "≥25 in the last 12 months", kept for the neighbours' pass.
  const sum3 = new Float64Array(nU * nMonths);
  const sum12 = new Float64Array(nU * nMonths);
  const hot12 = new Uint8Array(nU * nMonths);

  for (let u = 0; u < nU; u++) {
    const base = u * nMonths;
    let sinceGt0 = Number.NaN;
    let sinceGe25 = Number.NaN;
    let ewma = 0;
    let violentAll = 0;
    let observed = 0;
    let lastGe25 = Number.NEGATIVE_INFINITY;
    const ewmaAlpha = 1 - 2 ** (-1 / 3);
    for (let m = 0; m < nMonths; m++) {
      // Before a state existed its predecessor's months are read (`history`); with none, they count as calm.
      const x = (k: number): number => {
        const v = m - k >= 0 ? (panel.history[base + m - k] as number) : 0;
        return Number.isNaN(v) ? 0 : v;
      };
      const now = x(0);
      observed++;
      if (now > 0) violentAll++;
      sinceGt0 = now > 0 ? 0 : Number.isNaN(sinceGt0) ? m + 1 : sinceGt0 + 1;
      sinceGe25 = now >= 25 ? 0 : Number.isNaN(sinceGe25) ? m + 1 : sinceGe25 + 1;
      if (now >= 25) lastGe25 = m;
      ewma = ewmaAlpha * Math.log1p(now) + (1 - ewmaAlpha) * ewma;
      const sums: number[] = [];
      let acc = 0;
      let max12 = 0;
      const violent = [0, 0, 0, 0];
      let ge25In12 = 0;
      let prev3 = 0;
      for (let k = 0; k < 24; k++) {
        const v = x(k);
        acc += v;
        if (k < 12 && v > max12) max12 = v;
        if (k < 12 && v >= 25) ge25In12++;
        // Violent-month counts over 3, 6, 12 and 24 months: frequency predicts P(≥1) better than volume.
        if (v > 0)
          for (let w = 0; w < 4; w++)
            if (k < ([3, 6, 12, 24][w] as number)) violent[w] = (violent[w] as number) + 1;
        if (k >= 3 && k < 6) prev3 += v;
        if (windows.includes((k + 1) as (typeof windows)[number])) sums.push(acc);
      }
      sum3[base + m] = sums[1] as number;
      sum12[base + m] = sums[3] as number;
      hot12[base + m] = m - lastGe25 < 12 ? 1 : 0;
      const row = values.subarray((base + m) * nF, (base + m + 1) * nF);
      let f = 0;
      for (const s of sums) row[f++] = Math.log1p(s);
      row[f++] = Math.log1p(max12);
      for (const c of violent) row[f++] = c;
      row[f++] = ge25In12;
      row[f++] = violentAll / observed;
      row[f++] = Math.log1p(sums[1] as number) - Math.log1p(prev3);
      row[f++] = ewma;
      row[f++] = Math.min(sinceGt0, sinceCap);
      row[f++] = Math.min(sinceGe25, sinceCap);
      row[f++] = lagDecay(sinceGt0, 12);
      row[f++] = lagDecay(sinceGe25, 12);
      row[f++] = lagDecay(sinceGe25, 48);
      if (options.extended) {
        let acc60 = 0;
        let max60 = 0;
        let violent60 = 0;
        let violentPrev6 = 0;
        for (let k = 0; k < 60; k++) {
          const v = x(k);
          acc60 += v;
          if (v > max60) max60 = v;
          if (v > 0) {
            violent60++;
            if (k >= 6 && k < 12) violentPrev6++;
          }
        }
        row[f++] = Math.log1p(x(1));
        row[f++] = Math.log1p(x(2));
        row[f++] = Math.log1p(acc60);
        row[f++] = Math.log1p(max60);
        row[f++] = violent60;
        row[f++] = (violent[1] as number) - violentPrev6;
        row[f++] = lagDecay(sinceGt0, 3);
        row[f++] = lagDecay(sinceGt0, 48);
        // World features are filled below, once every country's month is known.
        f += 2;
        // UCDP dates events known only by year to 31 December, so some countries' Decembers hold a year's
        // worth of such deaths (Syria 2012–2016: four times its other months). The time of year and last
        // December's excess let the model expect that December and not carry it into the months after.
        const calendar = (firstMonth + m) % 12;
        row[f++] = calendar + 1;
        const lastDecember = (calendar + 1) % 12;
        let janToNov = 0;
        for (let k = lastDecember + 1; k <= lastDecember + 11; k++) janToNov += x(k);
        row[f++] = Math.log1p(x(lastDecember)) - Math.log1p(janToNov / 11);
      }
    }
  }
  if (options.extended) fillWorld(panel, sum12, values, nF, historyFeatureNames.length + 8);

  let f0 = historyFeatureNames.length + (options.extended ? extendedFeatureNames.length : 0);
  if (options.capitals) {
    fillNeighbours(
      panel,
      options.capitals,
      options.neighbourKm ?? 1000,
      { sum3, sum12, hot12 },
      values,
      nF,
      f0,
    );
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
  lags: { sum3: Float64Array; sum12: Float64Array; hot12: Uint8Array },
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
