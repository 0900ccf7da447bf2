import type { Clearance } from "../../core/access/vocabulary.ts";
import type { AlertRuleKind, TAlertMessage, TAlertRuleDefinition } from "../../core/alerts/alert.schemas.ts";
import { monthOfInstant, monthsBetween } from "../../core/shared/months.ts";
import type { Db } from "../../db/types.ts";
import {
  forecastPeaks,
  recentCountryMonths,
  severeAssessments,
} from "../../repositories/alerts/rule-inputs.repository.ts";
import {
  latestPublishedRun,
  previousPublishedRun,
} from "../../repositories/warning/forecast-runs.repository.ts";

/** One country a rule fires for, with the evidence it fired on (the key makes evaluation idempotent). */
type RuleCandidate = {
  iso3: string;
  cause: string;
  evidenceKey: string;
  message: TAlertMessage;
  details: Record<string, unknown>;
  /** Raised from a protected record: the alert keeps its clearance and its organisation may read it. */
  /** Drawn from a protected record: the alert keeps its clearance and stays with its organisation. */
  protectedAs?: { clearance: Clearance; owner: { orgId: string; userId: string | null } };
};

type Evaluator<K extends AlertRuleKind> = (
  db: Db,
  definition: Extract<TAlertRuleDefinition, { kind: K }>,
  now: Date,
) => Promise<RuleCandidate[]>;

/** Months from a month (YYYY-MM) to now: how old the data behind an alert would be. */
const monthsBefore = (month: string, now: Date) => monthsBetween(month, monthOfInstant(now));

/** The latest forecast run, unless it starts from data too old to say anything about now. */
const currentRun = async (db: Db, maxDataAgeMonths: number, now: Date) => {
  const run = await latestPublishedRun(db);
  return run && monthsBefore(run.origin, now) <= maxDataAgeMonths ? run : undefined;
};

const forecastThreshold: Evaluator<"forecast_threshold"> = async (db, rule, now) => {
  const run = await currentRun(db, rule.maxDataAgeMonths, now);
  if (!run) return [];
  const peaks = await forecastPeaks(db, run.id, rule.measure, rule.maxHorizon);
  return peaks
    .filter((peak) => peak.probability >= rule.threshold)
    .map((peak) => ({
      iso3: peak.iso3,
      cause: "forecast_threshold",
      evidenceKey: `run:${run.id}`,
      message: {
        key: "forecast_threshold",
        measure: rule.measure,
        probability: peak.probability,
        month: peak.month,
        threshold: rule.threshold,
      },
      details: { runId: run.id, origin: run.origin, measure: rule.measure, ...peak },
    }));
};

const forecastJump: Evaluator<"forecast_jump"> = async (db, rule, now) => {
  const latest = await currentRun(db, rule.maxDataAgeMonths, now);
  const previous = latest && (await previousPublishedRun(db, latest));
  if (!latest || !previous) return [];
  const [latestPeaks, before] = await Promise.all([
    forecastPeaks(db, latest.id, rule.measure, rule.maxHorizon),
    forecastPeaks(db, previous.id, rule.measure, rule.maxHorizon),
  ]);
  const earlier = new Map(before.map((peak) => [peak.iso3, peak.probability]));
  return latestPeaks.flatMap((peak) => {
    const was = earlier.get(peak.iso3);
    if (was === undefined || peak.probability - was < rule.increase) return [];
    return [
      {
        iso3: peak.iso3,
        cause: "forecast_jump",
        evidenceKey: `run:${latest.id}`,
        message: {
          key: "forecast_jump",
          measure: rule.measure,
          from: was,
          to: peak.probability,
          previousOrigin: previous.origin,
        },
        details: {
          runId: latest.id,
          previousRunId: previous.id,
          from: was,
          to: peak.probability,
          month: peak.month,
        },
      },
    ];
  });
};

const fatalitiesAboveRange: Evaluator<"fatalities_above_range"> = async (db, rule, now) => {
  const rows = await recentCountryMonths(db, rule.lookbackMonths);
  const byCountry = new Map<string, { month: string; fatalities: number }[]>();
  for (const row of rows) byCountry.set(row.iso3, [...(byCountry.get(row.iso3) ?? []), row]);
  return [...byCountry.entries()].flatMap(([iso3, months]) => {
    const latest = months.at(-1);
    const prior = months.slice(0, -1);
    // Old data says nothing about now: a month older than the allowed age raises nothing.
    if (!latest || prior.length < 3 || monthsBefore(latest.month, now) > rule.maxDataAgeMonths) return [];
    const highest = Math.max(...prior.map((m) => m.fatalities));
    if (latest.fatalities <= highest || latest.fatalities < rule.minFatalities) return [];
    return [
      {
        iso3,
        cause: "fatalities_above_range",
        evidenceKey: `month:${latest.month}`,
        message: {
          key: "fatalities_above_range",
          fatalities: latest.fatalities,
          month: latest.month,
          months: prior.length,
          previousHighest: highest,
        },
        details: {
          month: latest.month,
          fatalities: latest.fatalities,
          previousHighest: highest,
          months: prior.length,
        },
      },
    ];
  });
};

const riskFactorSevere: Evaluator<"risk_factor_severe"> = async (db, rule) => {
  const watched = new Set(rule.factorCodes);
  return (await severeAssessments(db))
    .filter((a) => watched.size === 0 || watched.has(a.factorCode))
    .map((a) => ({
      iso3: a.iso3,
      cause: `risk_factor_severe:${a.factorCode}`,
      evidenceKey: `review:${a.reviewId}:${a.factorCode}`,
      message: { key: "risk_factor_severe", factorCode: a.factorCode },
      details: { reviewId: a.reviewId, factorCode: a.factorCode },
      ...(a.clearance === "public"
        ? {}
        : {
            protectedAs: {
              clearance: a.clearance as Clearance,
              owner: { orgId: a.ownerOrgId, userId: a.assessedBy },
            },
          }),
    }));
};

/**
 * Surges of verified community reports and missed commitment deadlines are detected by the capabilities
 * that hold those records: they read their rule's thresholds and call raiseAlert. Evaluation here
 * therefore finds nothing for them.
 */
const raisedElsewhere = async (): Promise<RuleCandidate[]> => [];

const ruleEvaluators: { [K in AlertRuleKind]: Evaluator<K> } = {
  forecast_threshold: forecastThreshold,
  forecast_jump: forecastJump,
  fatalities_above_range: fatalitiesAboveRange,
  risk_factor_severe: riskFactorSevere,
  report_surge: raisedElsewhere,
  missed_commitment: raisedElsewhere,
};

export const evaluateRule = (db: Db, definition: TAlertRuleDefinition, now: Date): Promise<RuleCandidate[]> =>
  // The mapped type pairs each kind with its evaluator; TypeScript cannot narrow the lookup itself.
  (ruleEvaluators[definition.kind] as Evaluator<typeof definition.kind>)(db, definition as never, now);
