import { z } from "zod";

/** The facts of one alert the measures need. */
export type AlertTiming = {
  deskOrg: string;
  deskPerson: string | null;
  severity: string;
  raisedAt: Date;
  deadline: Date;
  acknowledgedAt: Date | null;
  decidedAt: Date | null;
  actionAt: Date | null;
};

const hoursBetween = (from: Date, to: Date | null): number | null =>
  to ? (to.getTime() - from.getTime()) / 3_600_000 : null;

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

const durationStats = (values: readonly number[]) => ({
  n: values.length,
  medianHours: round(median(values)),
  meanHours: round(values.length ? values.reduce((a, b) => a + b, 0) / values.length : null),
});

const ZDurationStats = z.object({
  n: z.number(),
  medianHours: z.number().nullable(),
  meanHours: z.number().nullable(),
});

const ZAlertMeasure = z.object({
  deskOrg: z.string(),
  deskPerson: z.string().nullable(),
  severity: z.string(),
  alerts: z.number(),
  toAcknowledgement: ZDurationStats,
  toDecision: ZDurationStats,
  toAction: ZDurationStats,
  decided: z.number(),
  decidedWithinDeadline: z.number(),
  /** Alerts whose decision is due: decided, or past their deadline. One still within its time is not late. */
  due: z.number(),
  /** Share of the due alerts decided by their deadline (undecided past the deadline count as late). */
  shareDecidedWithinDeadline: z.number().nullable(),
});
type TAlertMeasure = z.infer<typeof ZAlertMeasure>;

/** Time from alert to acknowledgement, to decision and to action, per desk and severity. */
export const alertMeasures = (alerts: readonly AlertTiming[], now: Date): TAlertMeasure[] => {
  const groups = new Map<string, AlertTiming[]>();
  for (const alert of alerts) {
    const key = JSON.stringify([alert.deskOrg, alert.deskPerson, alert.severity]);
    groups.set(key, [...(groups.get(key) ?? []), alert]);
  }
  return [...groups.values()]
    .map((group) => {
      const first = group[0] as AlertTiming;
      const collect = (pick: (a: AlertTiming) => Date | null) =>
        group.map((a) => hoursBetween(a.raisedAt, pick(a))).filter((h): h is number => h !== null);
      const decided = group.filter((a) => a.decidedAt !== null);
      const inTime = decided.filter((a) => (a.decidedAt as Date).getTime() <= a.deadline.getTime());
      const due = group.filter((a) => a.decidedAt !== null || a.deadline.getTime() < now.getTime());
      return {
        deskOrg: first.deskOrg,
        deskPerson: first.deskPerson,
        severity: first.severity,
        alerts: group.length,
        toAcknowledgement: durationStats(collect((a) => a.acknowledgedAt)),
        toDecision: durationStats(collect((a) => a.decidedAt)),
        toAction: durationStats(collect((a) => a.actionAt)),
        decided: decided.length,
        decidedWithinDeadline: inTime.length,
        due: due.length,
        shareDecidedWithinDeadline: due.length ? round(inTime.length / due.length) : null,
      };
    })
    .sort((a, b) => a.deskOrg.localeCompare(b.deskOrg) || a.severity.localeCompare(b.severity));
};

export type RecommendationFact = {
  /** null for reviews outside any cycle. */
  cycle: string | null;
  response: string;
  implementation: string | null;
};

const ZRecommendationMeasure = z.object({
  cycle: z.string().nullable().describe("null: reviews outside any cycle"),
  recommendations: z.number(),
  supported: z.number(),
  noted: z.number(),
  pending: z.number(),
  followedUp: z.number(),
  full: z.number(),
  partial: z.number(),
  notStarted: z.number(),
  /** Fully implemented, of all the cycle's recommendations (one not followed up counts as not implemented). */
  fullRate: z.number().nullable(),
  /** Partly or fully implemented, of all the cycle's recommendations. */
  partialOrFullRate: z.number().nullable(),
});
type TRecommendationMeasure = z.infer<typeof ZRecommendationMeasure>;

/** Recommendation responses and implementation rates per review cycle. */
export const recommendationMeasures = (facts: readonly RecommendationFact[]): TRecommendationMeasure[] => {
  const byCycle = new Map<string | null, RecommendationFact[]>();
  for (const fact of facts) byCycle.set(fact.cycle, [...(byCycle.get(fact.cycle) ?? []), fact]);
  return (
    [...byCycle.entries()]
      .map(([cycle, group]) => {
        const count = (test: (f: RecommendationFact) => boolean) => group.filter(test).length;
        const followedUp = count((f) => f.implementation !== null);
        const full = count((f) => f.implementation === "full");
        const partial = count((f) => f.implementation === "partial");
        return {
          cycle,
          recommendations: group.length,
          supported: count((f) => f.response === "supported"),
          noted: count((f) => f.response === "noted"),
          pending: count((f) => f.response === "pending"),
          followedUp,
          full,
          partial,
          notStarted: count((f) => f.implementation === "not_started"),
          // Shares of all the cycle's recommendations: one not yet followed up is not implemented either.
          fullRate: group.length ? round(full / group.length) : null,
          partialOrFullRate: group.length ? round((full + partial) / group.length) : null,
        };
      })
      // Reviews outside any cycle come last.
      .sort((a, b) => (a.cycle === null ? 1 : b.cycle === null ? -1 : a.cycle.localeCompare(b.cycle)))
  );
};

export const ZMeasures = z.object({
  alerts: z.array(ZAlertMeasure),
  recommendations: z.array(ZRecommendationMeasure),
});
export type TMeasures = z.infer<typeof ZMeasures>;
