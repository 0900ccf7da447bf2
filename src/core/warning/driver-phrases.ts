/**
 * Model features in plain words, for people who act on a forecast rather than build it. Feature names come
 * from features.ts; a name this list does not know yet is described by its pattern, never dropped.
 */
const known: Record<string, string> = {
  ln_sb_1: "deaths in the last month",
  ln_sb_max_12: "the deadliest month of the last year",
  violent_share_all: "share of all recorded months with violence",
  ln_sb_change_3: "change in deaths over the last 3 months",
  ewma_ln_sb_hl3: "typical monthly deaths lately (recent months weigh most)",
  months_since_gt0: "months since the last violent month",
  months_since_ge25: "months since the last month with 25 or more deaths",
  decay_gt0_hl12: "how recently there was any violence",
  decay_ge25_hl12: "how recently there was a month with 25 or more deaths",
  decay_ge25_hl48: "whether there was a month with 25 or more deaths in recent years",
  ge25_months_12: "months with 25 or more deaths in the last year",
  nb_ln_sb_3: "neighbours' violence in the last 3 months",
  nb_ln_sb_12: "neighbours' violence in the last 12 months",
  nb_count_ge25_12: "neighbours with 25 or more deaths in a month of the last year",
  nb_dist_ge25_12: "distance to the nearest serious conflict",
  cy_population: "population",
  cy_gdppc: "income per person",
  cy_wdi_imr: "infant mortality",
  cy_v2x_polyarchy: "electoral democracy",
  cy_v2x_libdem: "liberal democracy",
  cy_v2x_corr: "political corruption",
  cy_youth: "share of young people in the adult population",
  ln_sb_lag2: "deaths two months ago",
  ln_sb_lag3: "deaths three months ago",
  ln_sb_max_60: "the deadliest month of the last 5 years",
  violent_trend_6: "more or fewer violent months lately",
  decay_gt0_hl3: "violence in the last few months",
  decay_gt0_hl48: "any violence in recent years",
  world_ln_sb_12: "deaths in conflicts worldwide this year",
  world_violent_share_1: "share of countries at war this month",
  calendar_month: "the time of year",
  ln_december_excess: "deaths recorded in December beyond the rest of the year (events dated only by year)",
  acd_years_since_conflict: "years since the last armed conflict (since 1946)",
  acd_years_since_war: "years since the last war of 1,000 or more deaths a year",
  acd_active_conflicts: "armed conflicts active in the last recorded year",
  acd_internationalised: "a conflict with foreign troops in the last recorded year",
  pa_months_since: "months since the last peace agreement",
  pa_count_60: "peace agreements signed in the last 5 years",
  pa_comprehensive_60: "a comprehensive peace agreement in the last 5 years",
};

const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^ln_sb_(\d+)$/, (m) => `deaths in the last ${m[1]} months`],
  [/^violent_months_(\d+)$/, (m) => `violent months in the last ${m[1]} months`],
  [/^ge25_months_(\d+)$/, (m) => `months with 25 or more deaths in the last ${m[1]} months`],
  [/^nb_(.+)$/, (m) => `neighbours: ${describeFeature(m[1] ?? "")}`],
  [/^cy_(.+)$/, (m) => (m[1] ?? "").replaceAll("_", " ")],
];

export const describeFeature = (feature: string): string => {
  const phrase = known[feature];
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

/** A feature's value in the units its phrase names: a count, a share as a percentage, or a distance. */
export const driverReadingUnits = ["count", "percent", "km"] as const;
export type DriverReading = { amount: number; unit: (typeof driverReadingUnits)[number] };

const count = (amount: number): DriverReading => ({ amount: Math.round(amount), unit: "count" });
const readings: [RegExp, (value: number) => DriverReading | null][] = [
  [/^(nb_|world_)?ln_sb_(\d+|max_\d+|lag\d)$|^ewma_ln_sb_hl\d+$/, (v) => count(Math.expm1(v))],
  [
    /^(violent|ge25)_months_\d+$|^months_since_|^acd_(years_since|active)|^pa_(months_since|count)|^nb_count_/,
    count,
  ],
  // At the cap (features.ts) the distance means "none within 5,000 km", not a measured 5,000 km.
  [/^nb_dist_/, (v) => (v >= 5 ? null : { amount: Math.round(1000 * v), unit: "km" })],
  [/share/, (v) => ({ amount: Math.round(100 * v), unit: "percent" })],
  [/^cy_gdppc$/, (v) => count(Math.exp(v))],
];

/**
 * The value behind a driver, where it reads plainly ("violent months in the last 12 months: 12"); null for
 * model-internal scales (decays, trends, indices) and missing values.
 */
export const driverReading = (feature: string, value: number | null): DriverReading | null => {
  if (value === null || !Number.isFinite(value)) return null;
  for (const [pattern, read] of readings) if (pattern.test(feature)) return read(value);
  return null;
};
