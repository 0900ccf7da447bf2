/**
 * Model features in plain words, for people who act on a forecast rather than build it. Feature names come
 * from features.ts; a name this list does not know yet is described by its pattern, never dropped.
 */
const known: Record<string, string> = {
  ln_sb_1: "fatalities in the last month",
  ln_sb_max_12: "the deadliest month of the last year",
  violent_share_all: "share of all recorded months with violence",
  ln_sb_change_3: "change in fatalities over the last 3 months",
  ewma_ln_sb_hl3: "recent trend in fatalities",
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
  acd_years_since_conflict: "years since the last armed conflict (since 1946)",
  acd_years_since_war: "years since the last war of 1,000 or more deaths a year",
  acd_active_conflicts: "armed conflicts active in the last recorded year",
  acd_internationalised: "a conflict with foreign troops in the last recorded year",
  pa_months_since: "months since the last peace agreement",
  pa_count_60: "peace agreements signed in the last 5 years",
  pa_comprehensive_60: "a comprehensive peace agreement in the last 5 years",
};

const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^ln_sb_(\d+)$/, (m) => `fatalities in the last ${m[1]} months`],
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

/** Contributions are on the log-odds of P(≥1 death): positive raises the risk, negative lowers it. */
export const driverDirection = (contribution: number): "raises" | "lowers" =>
  contribution >= 0 ? "raises" : "lowers";
