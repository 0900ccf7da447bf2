import type { DensePanel } from "./panel.ts";

/** The trailing windows, in months, over which deaths are summed (`ln_sb_1` … `ln_sb_24`). */
export const windows = [1, 3, 6, 12, 24] as const;
/** Months since something last happened are read at most this far back (20 years). */
export const sinceCap = 240;

const lagDecay = (monthsSince: number, halfLife: number): number => 2 ** (-monthsSince / halfLife);

/** What a unit's months carry from one to the next: months since violence, the smoothed level, the counts. */
type RunningHistory = {
  sinceGt0: number;
  sinceGe25: number;
  ewma: number;
  violentAll: number;
  observed: number;
  lastGe25: number;
};

const EWMA_ALPHA = 1 - 2 ** (-1 / 3);

const startHistory = (): RunningHistory => ({
  sinceGt0: Number.NaN,
  sinceGe25: Number.NaN,
  ewma: 0,
  violentAll: 0,
  observed: 0,
  lastGe25: Number.NEGATIVE_INFINITY,
});

/** Moves the running history on to month `m`, whose deaths are `now`. */
const advanceHistory = (h: RunningHistory, now: number, m: number): void => {
  h.observed++;
  if (now > 0) h.violentAll++;
  h.sinceGt0 = now > 0 ? 0 : Number.isNaN(h.sinceGt0) ? m + 1 : h.sinceGt0 + 1;
  h.sinceGe25 = now >= 25 ? 0 : Number.isNaN(h.sinceGe25) ? m + 1 : h.sinceGe25 + 1;
  if (now >= 25) h.lastGe25 = m;
  h.ewma = EWMA_ALPHA * Math.log1p(now) + (1 - EWMA_ALPHA) * h.ewma;
};

/** The last 24 months up to one month, as the history features read them; `x(k)` is the deaths k months before. */
const recentWindows = (x: (k: number) => number) => {
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
  return { sums, max12, violent, ge25In12, prev3 };
};

type RecentWindows = ReturnType<typeof recentWindows>;

/** Writes `historyFeatureNames` from the start of the row; answers where the next group starts. */
const writeHistoryFeatures = (row: Float32Array, w: RecentWindows, h: RunningHistory): number => {
  let f = 0;
  for (const s of w.sums) row[f++] = Math.log1p(s);
  row[f++] = Math.log1p(w.max12);
  for (const c of w.violent) row[f++] = c;
  row[f++] = w.ge25In12;
  row[f++] = h.violentAll / h.observed;
  row[f++] = Math.log1p(w.sums[1] as number) - Math.log1p(w.prev3);
  row[f++] = h.ewma;
  row[f++] = Math.min(h.sinceGt0, sinceCap);
  row[f++] = Math.min(h.sinceGe25, sinceCap);
  row[f++] = lagDecay(h.sinceGt0, 12);
  row[f++] = lagDecay(h.sinceGe25, 12);
  row[f++] = lagDecay(h.sinceGe25, 48);
  return f;
};

/**
 * Writes `extendedFeatureNames` from position `f`, but for the two world features `fillWorld` fills once every
 * country's month is known. `calendar` is the month of the year, 0 for January.
 */
const writeExtendedFeatures = (
  row: Float32Array,
  f: number,
  x: (k: number) => number,
  w: RecentWindows,
  h: RunningHistory,
  calendar: number,
): void => {
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
  row[f++] = (w.violent[1] as number) - violentPrev6;
  row[f++] = lagDecay(h.sinceGt0, 3);
  row[f++] = lagDecay(h.sinceGt0, 48);
  f += 2;
  // UCDP dates events known only by year to 31 December, so some countries' Decembers hold a year's
  // worth of such deaths (Syria 2012–2016: four times its other months). The time of year and last
  // December's excess let the model expect that December and not carry it into the months after.
  row[f++] = calendar + 1;
  const lastDecember = (calendar + 1) % 12;
  let janToNov = 0;
  for (let k = lastDecember + 1; k <= lastDecember + 11; k++) janToNov += x(k);
  row[f++] = Math.log1p(x(lastDecember)) - Math.log1p(janToNov / 11);
};

/** Trailing 3- and 12-month sums and "≥25 in the last 12 months" per unit-month, kept for the neighbours' pass. */
export type TrailingSums = { sum3: Float64Array; sum12: Float64Array; hot12: Uint8Array };

/** Fills each unit-month's own history features (and the extended ones); answers the trailing sums. */
export const fillOwnHistory = (
  panel: DensePanel,
  values: Float32Array,
  nF: number,
  extended: boolean,
): TrailingSums => {
  const { nMonths, firstMonth, units } = panel;
  const trailing = {
    sum3: new Float64Array(units.length * nMonths),
    sum12: new Float64Array(units.length * nMonths),
    hot12: new Uint8Array(units.length * nMonths),
  };
  for (let u = 0; u < units.length; u++) {
    const base = u * nMonths;
    const history = startHistory();
    for (let m = 0; m < nMonths; m++) {
      // Before a state existed its predecessor's months are read (`history`); with none, they count as calm.
      const x = (k: number): number => {
        const v = m - k >= 0 ? (panel.history[base + m - k] as number) : 0;
        return Number.isNaN(v) ? 0 : v;
      };
      advanceHistory(history, x(0), m);
      const w = recentWindows(x);
      trailing.sum3[base + m] = w.sums[1] as number;
      trailing.sum12[base + m] = w.sums[3] as number;
      trailing.hot12[base + m] = m - history.lastGe25 < 12 ? 1 : 0;
      const row = values.subarray((base + m) * nF, (base + m + 1) * nF);
      const f = writeHistoryFeatures(row, w, history);
      if (extended) writeExtendedFeatures(row, f, x, w, history, (firstMonth + m) % 12);
    }
  }
  return trailing;
};
