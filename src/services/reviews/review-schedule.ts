import { type Severity, severityRank } from "../../core/alerts/alert.schemas.ts";
import { bringForwardReason, reasonSeenBy } from "../../core/reviews/schedule.ts";
import { forecastPeaks } from "../../repositories/alerts/rule-inputs.repository.ts";
import {
  bringForward,
  findCycle,
  listSchedule,
  openAlertSeverities,
  type ScheduleRecord,
} from "../../repositories/reviews/cycles.repository.ts";
import { latestPublishedRun } from "../../repositories/warning/forecast-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { getReviewSettings } from "./review-settings.ts";

/**
 * The schedule as the actor may see it: reviews they may not read look absent, and a reason never rests
 * on an alert they may not read, though the dates were moved on every alert.
 */
export const scheduleSeenBy = async (ctx: ServiceContext, cycleId: string): Promise<ScheduleRecord[]> => {
  const { alertSeverity } = (await getReviewSettings(ctx)).bringForward;
  const alerts = await openAlertSeverities(ctx.db, ctx.actor);
  return (await listSchedule(ctx.db, cycleId, ctx.actor)).map((entry) => ({
    ...entry,
    broughtForwardReason: reasonSeenBy(
      entry.broughtForwardReason,
      alertReaching(alerts.get(entry.iso3), alertSeverity),
    ),
  }));
};

/** The most severe of a country's open alerts when it reaches the bring-forward threshold, else null. */
const alertReaching = (severities: readonly string[] = [], threshold: Severity): Severity | null => {
  const top = ([...severities] as Severity[]).sort((a, b) => severityRank(b) - severityRank(a))[0];
  return top !== undefined && severityRank(top) >= severityRank(threshold) ? top : null;
};

/** Brings forward the unadopted reviews of countries whose forecast or open alerts reached the thresholds. */
export const bringForwardAtRisk = async (tx: ServiceContext, cycleId: string): Promise<string[]> => {
  const settings = await getReviewSettings(tx);
  const { measure, probability, alertSeverity } = settings.bringForward;
  const run = await latestPublishedRun(tx.db);
  const peaks = run ? await forecastPeaks(tx.db, run.id, measure, 12) : [];
  const risk = new Map(peaks.map((peak) => [peak.iso3, peak.probability]));
  // Scheduling is the platform's decision, so it weighs every alert and review; only what is shown is filtered.
  const alerts = await openAlertSeverities(tx.db, "platform");
  const today = tx.now().toISOString().slice(0, 10);
  // Brought forward to today, or to the cycle's first day when it has not started yet.
  const startsOn = (await findCycle(tx.db, cycleId))?.startsOn ?? today;
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.max does not apply.
  const soonest = startsOn > today ? startsOn : today;
  const moved: string[] = [];
  for (const entry of await listSchedule(tx.db, cycleId, "platform")) {
    if (entry.reviewStatus === "adopted") continue;
    const alert = alertReaching(alerts.get(entry.iso3), alertSeverity);
    const reason = bringForwardReason(
      { probability: risk.get(entry.iso3) ?? null, measure, topAlertSeverity: alert },
      { probability, severityReached: alert !== null },
    );
    if (!reason || (entry.plannedFor <= soonest && entry.broughtForwardReason === reason)) continue;
    await bringForward(
      tx.db,
      cycleId,
      entry.iso3,
      // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.min does not apply.
      entry.plannedFor < soonest ? entry.plannedFor : soonest,
      reason,
    );
    moved.push(entry.iso3);
  }
  return moved;
};
