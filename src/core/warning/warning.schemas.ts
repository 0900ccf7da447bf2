import { z } from "zod";
import { ZMonth } from "../shared/calendar.schemas.ts";
import { driverReadingUnits } from "./driver-phrases.ts";
import { progressSteps } from "./progress.ts";

export const ZIso3Code = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "an ISO 3166-1 alpha-3 code")
  .transform((code) => code.toUpperCase());

const runStatuses = ["running", "succeeded", "failed"] as const;
const ZRunStatus = z.enum(runStatuses);
const runTriggers = ["cli", "api", "import", "schedule"] as const;
const ZRunTrigger = z.enum(runTriggers);

/** How far a running job is: `done` of `total` steps, with what it is doing now. */
const ZProgress = z.object({
  done: z.number(),
  total: z.number(),
  /** In English; `step` and `params` let a client word it in its own language. */
  label: z.string(),
  step: z.enum(progressSteps).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type TProgress = z.infer<typeof ZProgress>;

const ZDatasetVersion = z.object({ id: z.string(), kind: z.string(), version: z.string() });
export type TDatasetVersion = z.infer<typeof ZDatasetVersion>;

/** How many boosting rounds a caller may ask for; the web form's field takes the same bounds. */
export const MODEL_ROUNDS = { min: 1, max: 1000 } as const;

/** Tuning knobs a caller may set; everything else stays at the model's defaults. A misspelt knob is refused. */
const ZModelOptions = z.strictObject({
  rounds: z.number().int().min(MODEL_ROUNDS.min).max(MODEL_ROUNDS.max).optional(),
  maxDepth: z.number().int().min(1).max(12).optional(),
  eta: z.number().positive().max(1).optional(),
});
export type TModelOptions = z.infer<typeof ZModelOptions>;

export const ZStartForecastRun = z.object({
  /** Default: the latest month in which nearly every country has data. */
  origin: ZMonth.optional(),
  maxHorizon: z.number().int().min(1).max(36).default(12),
  options: ZModelOptions.default({}),
  /**
   * Whether the run becomes the forecast everyone sees for its origin. Default: with the model's standard
   * settings over at least 12 months from a month that has every country the month before had; other runs are
   * experiments, stored and readable by their id. Publishing one of those is for platform administrators.
   */
  publish: z.boolean().optional(),
});
export type TStartForecastRun = z.input<typeof ZStartForecastRun>;

export const ZForecastRun = z.object({
  id: z.uuid(),
  origin: ZMonth,
  maxHorizon: z.number().int(),
  status: ZRunStatus,
  modelVersion: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  datasetVersions: z.array(ZDatasetVersion),
  /** What started it; who did is in the audit log, for their organisation's administrators. */
  trigger: ZRunTrigger,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  progress: ZProgress.nullable(),
  forecastCount: z.number().int(),
  published: z
    .boolean()
    .describe(
      "Published rather than an experiment: the newest published run of an origin is the one the map, watchlist and country pages show; an older one was superseded.",
    ),
});
export type TForecastRun = z.infer<typeof ZForecastRun>;

const ZDriver = z.object({
  feature: z.string(),
  /** Which probability it explains: P(≥1 death) or P(≥25 deaths). */
  target: z.enum(["gt0", "ge25"]),
  /** SHAP contribution to the log-odds of that probability's classifier. */
  contribution: z.number(),
  /** How far it moved the published probability, in percentage points. */
  effectPoints: z.number(),
  /** The feature's value for the country and month, where it reads plainly. */
  reading: z.object({ amount: z.number(), unit: z.enum(driverReadingUnits) }).nullable(),
  /** The feature in plain words. */
  phrase: z.string(),
  direction: z.enum(["raises", "lowers"]),
});
export type TDriver = z.infer<typeof ZDriver>;

export const ZForecast = z.object({
  iso3: z.string(),
  gwcode: z.number().int(),
  name: z.string().nullable(),
  /** ISO 3166-1 numeric, for maps keyed by it. */
  isoNumeric: z.number().int().nullable(),
  origin: ZMonth,
  month: ZMonth,
  horizon: z.number().int(),
  pGt0: z.number(),
  pGe25: z.number(),
  mean: z.number(),
  q10: z.number(),
  q50: z.number(),
  q90: z.number(),
  drivers: z.array(ZDriver),
});
export type TForecast = z.infer<typeof ZForecast>;

export const ZForecastQuery = z.object({
  iso3: ZIso3Code.optional(),
  horizon: z.coerce.number().int().min(1).max(36).optional(),
  month: ZMonth.optional(),
  /** Latest succeeded run for this origin (default: the newest origin). */
  origin: ZMonth.optional(),
});
export type TForecastQuery = z.infer<typeof ZForecastQuery>;

export const ZForecastsPage = z.object({ run: ZForecastRun, forecasts: z.array(ZForecast) });

/**
 * Where the data held now let a forecast start: the latest month nearly every country has, with none of the month
 * before's left out (null before any conflict series is loaded). Past a published run's origin, a new run would
 * bring the forecast forward.
 */
export const ZLatestOrigin = z.object({ latestOrigin: ZMonth.nullable() });
export type TLatestOrigin = z.infer<typeof ZLatestOrigin>;

export const riskMeasures = ["pGt0", "pGe25"] as const;
const ZRiskMeasure = z.enum(riskMeasures);
export type TRiskMeasure = z.infer<typeof ZRiskMeasure>;

/** The watchlist's largest page, more than there are countries: every country forecast fits on it. */
export const WATCHLIST_MAX_LIMIT = 300;

export const ZWatchlistQuery = z.object({
  measure: ZRiskMeasure.default("pGe25"),
  horizon: z.coerce.number().int().min(1).max(36).default(1),
  limit: z.coerce.number().int().min(1).max(WATCHLIST_MAX_LIMIT).default(50),
  origin: ZMonth.optional(),
});
export type TWatchlistQuery = z.input<typeof ZWatchlistQuery>;

const ZWatchlistEntry = z.object({
  rank: z.number().int(),
  iso3: z.string(),
  name: z.string().nullable(),
  isoNumeric: z.number().int().nullable(),
  month: ZMonth,
  horizon: z.number().int(),
  pGt0: z.number(),
  pGe25: z.number(),
  /** Deaths: the median and the 80% range around it. */
  q10: z.number(),
  q50: z.number(),
  q90: z.number(),
  /**
   * The same country and horizon in the previous succeeded run, so for a target month as much earlier as that
   * run's origin; null when it was not forecast there.
   */
  previous: z.object({ pGt0: z.number(), pGe25: z.number() }).nullable(),
  /** Change of the ranking measure since the previous run, in probability points (0–1). */
  change: z.number().nullable(),
  topDrivers: z.array(ZDriver),
});

export const ZWatchlist = z.object({
  run: ZForecastRun,
  previousRun: ZForecastRun.nullable(),
  measure: ZRiskMeasure,
  horizon: z.number().int(),
  entries: z.array(ZWatchlistEntry),
});
export type TWatchlist = z.infer<typeof ZWatchlist>;

export const ZCountryForecast = z.object({
  run: ZForecastRun,
  iso3: z.string(),
  name: z.string().nullable(),
  /** Observed state-based fatalities before (and, for past origins, after) the origin. */
  observed: z.array(z.object({ month: ZMonth, fatalities: z.number() })),
  forecasts: z.array(ZForecast),
});
export type TCountryForecast = z.infer<typeof ZCountryForecast>;

export const ZStartBacktestRun = z.object({
  origins: z
    .array(ZMonth)
    .min(1)
    .max(20)
    .refine((origins) => new Set(origins).size === origins.length, "each origin only once"),
  maxHorizon: z.number().int().min(1).max(36).default(12),
  options: ZModelOptions.default({}),
});
export type TStartBacktestRun = z.input<typeof ZStartBacktestRun>;

/** Scores serialised from JSON: a score that cannot be computed (no events in the subset) is null. */
const score = z.number().nullable();
const ZReliabilityBin = z.object({
  lower: z.number(),
  upper: z.number(),
  meanPredicted: score,
  observedRate: score,
  count: z.number(),
});
const ZScoreSet = z
  .object({
    n: z.number(),
    shareGt0: score,
    shareGe25: score,
    aucGt0: score,
    apGt0: score,
    brierGt0: score,
    logLossGt0: score,
    aucGe25: score,
    apGe25: score,
    brierGe25: score,
    logLossGe25: score,
    // Optional: absent from runs stored before they were scored.
    mseLog1pMedian: score.optional(),
    mseLog1p: score,
    pinballLog1p: score,
    coverage80: score,
    pitCoverage80: score,
    meanRatio: score,
    crps: score.optional(),
    crpsLog1p: score.optional(),
    reliabilityGt0: z.array(ZReliabilityBin),
    reliabilityGe25: z.array(ZReliabilityBin).optional(),
  })
  .catchall(z.unknown()); // the model's authors add scores over time: keep them, do not strip
export type TScoreSet = z.infer<typeof ZScoreSet>;
const ZMethodScores = z.object({
  pooled: ZScoreSet,
  byHorizon: z.array(ZScoreSet),
  byOrigin: z.record(z.string(), ZScoreSet),
  onsets: ZScoreSet,
});
/** One score of the model beside the best baseline on the same rows. */
const ZScoreComparison = z.object({
  score: z.string(),
  subset: z.enum(["pooled", "onsets"]),
  model: score,
  bestBaseline: z.string(),
  baseline: score,
  improvement: score,
});

const ZBacktestReport = z.object({
  origins: z.array(ZMonth),
  maxHorizon: z.number(),
  modelName: z.string(),
  methods: z.record(z.string(), ZMethodScores),
  comparisons: z.array(ZScoreComparison),
});
export type TBacktestReport = z.infer<typeof ZBacktestReport>;

export const ZBacktestRun = z.object({
  id: z.uuid(),
  origins: z.array(ZMonth),
  maxHorizon: z.number().int(),
  status: ZRunStatus,
  modelVersion: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  datasetVersions: z.array(ZDatasetVersion),
  progress: ZProgress.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** Seconds spent on the model and on the three baselines, per origin. */
  timings: z.object({ modelSeconds: z.array(z.number()), baselineSeconds: z.array(z.number()) }).nullable(),
  /**
   * Whether the run used the published model's settings over 12 months or more and the reference origins:
   * its scores describe the forecasts.
   */
  standard: z.boolean(),
  /** The model settings the run set apart from the standard ones, with their values. */
  changedSettings: z.record(z.string(), z.unknown()),
  report: ZBacktestReport.nullable(),
});
export type TBacktestRun = z.infer<typeof ZBacktestRun>;

/** A forecast run with the backtest that is the evidence for it: the reference backtest of the same model. */
export const ZForecastRunWithEvidence = ZForecastRun.extend({
  backtest: z
    .object({
      runId: z.uuid(),
      origins: z.array(ZMonth),
      maxHorizon: z.number().int(),
      finishedAt: z.string().nullable(),
      comparisons: z.array(ZScoreComparison),
      /**
       * How often the model's 80% range (q10–q90) held what happened, over every scored forecast; and the same
       * with the zeros split by a randomised PIT, which a calibrated forecast brings to 0.8. Null when not scored.
       */
      coverage80: score,
      pitCoverage80: score,
    })
    .nullable(),
});
export type TForecastRunWithEvidence = z.infer<typeof ZForecastRunWithEvidence>;
