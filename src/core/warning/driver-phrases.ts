import { type MonthKey, monthIndex, monthKey } from "../shared/months.ts";
import { firstAgreementMonth } from "./conflict-history.ts";
import { featurePhrases } from "./feature-phrases.ts";
import { sinceCap } from "./own-history.ts";
import { leftToRight } from "./probability-text.ts";

/** Features the table does not know yet (a new window, a new covariate) are described by their pattern, never dropped. */
const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^ln_sb_(\d+)$/, (m) => `deaths in the last ${m[1]} months`],
  [/^violent_months_(\d+)$/, (m) => `violent months in the last ${m[1]} months`],
  [/^ge25_months_(\d+)$/, (m) => `months with 25 or more deaths in the last ${m[1]} months`],
  [/^nb_(.+)$/, (m) => `neighbours: ${describeFeature(m[1] ?? "")}`],
  [/^cy_(.+)$/, (m) => (m[1] ?? "").replaceAll("_", " ")],
];

/** A model feature in plain words, in the language asked for where it has the phrase, else in English. */
export const describeFeature = (feature: string, language = "en"): string => {
  const phrase = featurePhrases[language]?.[feature] ?? featurePhrases.en?.[feature];
  if (phrase) return phrase;
  for (const [pattern, phraseOf] of patterns) {
    const match = pattern.exec(feature);
    if (match) return phraseOf(match);
  }
  return feature.replaceAll("_", " ");
};

/** Contributions are on the log-odds of the classifier's probability: positive raises the risk, negative lowers it. */
export const driverDirection = (contribution: number): "raises" | "lowers" =>
  contribution >= 0 ? "raises" : "lowers";

/**
 * How far one driver moved a published probability, in percentage points: the probability against the one
 * its log-odds would give without this feature's contribution. Exact for a classifier's own probability,
 * close for P(≥25), which averages the classifier with the size distribution.
 */
export const driverEffectPoints = (probability: number, contribution: number): number => {
  const p = Math.min(1 - 1e-6, Math.max(1e-6, probability));
  const without = 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) - contribution)));
  return 100 * (p - without);
};

/** Effects are shown to a tenth of a point: a driver that moves the probability less moves nothing a reader sees. */
export const isNoticeableEffect = (points: number): boolean => Math.abs(points) >= 0.05;

/**
 * A feature's value in the units its phrase names: a count, a share as a percentage, a change as a signed
 * percentage, a distance, an index from 0 to 1, or the month something last happened (as an index, year × 12 +
 * month − 1); `atLeast` is a count at the cap the model reads it with, `noneSince` a month since which nothing
 * happened. A month, not "3 months ago": the forecast counts from its origin, which may lie long before the day
 * it is read.
 */
export const driverReadingUnits = [
  "count",
  "percent",
  "change",
  "km",
  "index",
  "month",
  "atLeast",
  "noneSince",
] as const;
type DriverReading = { amount: number; unit: (typeof driverReadingUnits)[number] };

const numberFormats: Partial<Record<DriverReading["unit"], Intl.NumberFormatOptions>> = {
  percent: { style: "unit", unit: "percent" },
  change: { style: "unit", unit: "percent", signDisplay: "exceptZero" },
  km: { style: "unit", unit: "kilometer" },
  index: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
};

type BoundWords = { atLeast: string; noneSince: string };
const englishBounds: BoundWords = { atLeast: "{value} or more", noneSince: "none since {value}" };
const boundWords: Record<string, BoundWords> = {
  en: englishBounds,
  fr: { atLeast: "{value} ou plus", noneSince: "rien depuis {value}" },
  ar: { atLeast: "{value} أو أكثر", noneSince: "لا شيء منذ {value}" },
};

/** A driver's value in its unit, in the reader's words and number format: "12", "40 %", "0.87", "2019-09". */
export const formatReading = (reading: DriverReading, language: string): string => {
  const isMonth = reading.unit === "month" || reading.unit === "noneSince";
  const value = isMonth
    ? leftToRight(monthKey(reading.amount), language)
    : new Intl.NumberFormat(language, numberFormats[reading.unit]).format(reading.amount);
  if (reading.unit !== "atLeast" && reading.unit !== "noneSince") return value;
  const words = boundWords[language.slice(0, 2)] ?? englishBounds;
  return words[reading.unit].replace("{value}", value);
};

// Below one, a tenth: "0.4 deaths a month lately" explains a risk that "0" would contradict.
const count = (amount: number): DriverReading => ({
  amount: amount > 0 && amount < 1 ? Math.round(amount * 10) / 10 : Math.round(amount),
  unit: "count",
});
// The country-year tables count people in millions (WDI counts people: no state has fewer than 5,000 or more
// than 5,000 million, so the size tells which); a tenth of a million below 100 million.
const millions = (people: number): DriverReading => {
  const amount = people >= 5_000 ? people / 1e6 : people;
  return { amount: amount < 100 ? Math.round(amount * 10) / 10 : Math.round(amount), unit: "count" };
};
type Read = (value: number, match: RegExpExecArray, origin: number | null) => DriverReading | null;
const readings: [RegExp, Read][] = [
  [/^(nb_|world_)?ln_sb_(\d+|max_\d+|lag\d)$|^ewma_ln_sb_hl\d+$/, (v) => count(Math.expm1(v))],
  // The model reads months since at most 20 years back (features.ts): 240 means "240 or more".
  [/^months_since_/, (v) => (v >= sinceCap ? { amount: sinceCap, unit: "atLeast" } : count(v))],
  // Before the first agreement in the dataset (1975) the count runs from its start: "none since 1975-01".
  [
    /^pa_months_since$/,
    (v, _match, origin) =>
      origin !== null && origin - v <= firstAgreementMonth
        ? { amount: firstAgreementMonth, unit: "noneSince" }
        : count(v),
  ],
  [/^(violent|ge25)_months_\d+$|^acd_(years_since|active)|^pa_count|^nb_count_/, count],
  // At the cap (features.ts) the distance means "none within 5,000 km", not a measured 5,000 km.
  [/^nb_dist_/, (v) => (v >= 5 ? null : { amount: Math.round(1000 * v), unit: "km" })],
  [/share/, (v) => ({ amount: Math.round(100 * v), unit: "percent" })],
  // log1p(last 3 months) − log1p(the 3 before): the change of deaths + 1, so that a rise from none is finite.
  [/^ln_sb_change_3$/, (v) => ({ amount: Math.round(100 * Math.expm1(v)), unit: "change" })],
  [/^cy_gdppc$/, (v) => count(Math.exp(v))],
  [/^cy_population$/, (v) => millions(Math.exp(v))],
  [/^cy_(youth|wdi_imr)$/, count],
  [/^cy_v2x_/, (v) => ({ amount: Math.round(100 * v) / 100, unit: "index" })],
  // A decay is 2^(−months since / half-life), counted from the forecast's origin; 20 years or more back it
  // reads "none since" then, as the months since do: it may mean "not since the record began".
  [
    /^decay_\w+_hl(\d+)$/,
    (v, [, halfLife], origin) => {
      if (origin === null) return null;
      const months = v > 0 ? Math.round(-Number(halfLife) * Math.log2(v)) : Number.POSITIVE_INFINITY;
      return months < sinceCap
        ? { amount: origin - months, unit: "month" }
        : { amount: origin - sinceCap + 1, unit: "noneSince" };
    },
  ],
];

/**
 * The value behind a driver, where it reads plainly ("violent months in the last 12 months: 12"); null for
 * model-internal scales (trends, indices) and missing values. `origin` is the forecast's origin month, which
 * the features describe.
 */
export const driverReading = (
  feature: string,
  value: number | null,
  origin: MonthKey | null = null,
): DriverReading | null => {
  if (value === null || !Number.isFinite(value)) return null;
  for (const [pattern, read] of readings) {
    const match = pattern.exec(feature);
    if (match) return read(value, match, origin === null ? null : monthIndex(origin));
  }
  return null;
};
