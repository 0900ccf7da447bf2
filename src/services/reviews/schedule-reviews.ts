import { authorize } from "../../core/access/policies.ts";
import { type Severity, severityRank } from "../../core/alerts/alert.schemas.ts";
import { type TCreateCycle, ZCreateCycle } from "../../core/reviews/review.schemas.ts";
import { bringForwardReason, planCycle, reasonSeenBy } from "../../core/reviews/schedule.ts";
import { conflict, invalid, notFound } from "../../core/shared/errors.ts";
import { forecastPeaks } from "../../repositories/alerts/rule-inputs.repository.ts";
import { findDefaultFramework, findFramework } from "../../repositories/frameworks.repository.ts";
import {
  bringForward,
  type CycleRecord,
  findCycle,
  insertCycle,
  insertScheduleEntries,
  listCycles,
  listReviewableCountries,
  listSchedule,
  openAlertSeverities,
  type ScheduleRecord,
} from "../../repositories/reviews/cycles.repository.ts";
import { latestPublishedRun } from "../../repositories/warning/forecast-runs.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { getReviewSettings } from "./review-settings.ts";

/**
 * Opens a review cycle that schedules every current, independent country once (54 months by default,
 * configurable), then brings forward the countries already at risk.
 */
export const createReviewCycle = async (ctx: ServiceContext, raw: TCreateCycle): Promise<CycleRecord> => {
  authorize(ctx.actor, "review.schedule");
  const input = ZCreateCycle.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const settings = await getReviewSettings(tx);
    const framework = input.frameworkId
      ? await findFramework(tx.db, input.frameworkId)
      : await findDefaultFramework(tx.db);
    if (!framework)
      throw invalid("No such framework.", [{ field: "frameworkId", message: "unknown framework" }]);
    const countries = await listReviewableCountries(tx.db);
    if (countries.length === 0)
      throw invalid("The country registry is empty: import the bundled data first (continuum init).", [
        { field: "countries", message: "none in the registry" },
      ]);
    if ((await listCycles(tx.db)).some((cycle) => cycle.name.toLowerCase() === input.name.toLowerCase()))
      throw conflict(`A review cycle is already named "${input.name}".`, [
        { field: "name", message: "already used by another cycle" },
      ]);
    const lengthMonths = input.lengthMonths ?? settings.cycleMonths;
    const id = await insertCycle(tx.db, {
      name: input.name,
      startsOn: input.startsOn,
      lengthMonths,
      frameworkId: framework.id,
      createdBy: ctx.actor.userId,
    });
    await insertScheduleEntries(tx.db, id, planCycle(countries, input.startsOn, lengthMonths));
    await bringForwardAtRisk(tx, id);
    const cycle = await findCycle(tx.db, id);
    if (!cycle) throw notFound("Review cycle");
    await audit(tx, {
      action: "review_cycle.create",
      entityType: "review_cycles",
      entityId: id,
      after: cycle,
    });
    return cycle;
  });
};

/** Re-checks forecasts and open alerts and brings forward the countries that crossed a threshold. */
export const refreshReviewSchedule = async (
  ctx: ServiceContext,
  cycleId: string,
): Promise<ScheduleRecord[]> => {
  authorize(ctx.actor, "review.schedule");
  return inTransaction(ctx, async (tx) => {
    if (!(await findCycle(tx.db, cycleId))) throw notFound("Review cycle");
    const moved = await bringForwardAtRisk(tx, cycleId);
    await audit(tx, {
      action: "review_cycle.bring_forward",
      entityType: "review_cycles",
      entityId: cycleId,
      after: { moved },
    });
    return scheduleSeenBy(tx, cycleId);
  });
};

export const getReviewSchedule = async (ctx: ServiceContext, cycleId: string): Promise<ScheduleRecord[]> => {
  if (!(await findCycle(ctx.db, cycleId))) throw notFound("Review cycle");
  return scheduleSeenBy(ctx, cycleId);
};

/**
 * The schedule as the actor may see it: reviews they may not read look absent, and a reason never rests
 * on an alert they may not read, though the dates were moved on every alert.
 */
const scheduleSeenBy = async (ctx: ServiceContext, cycleId: string): Promise<ScheduleRecord[]> => {
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

const bringForwardAtRisk = async (tx: ServiceContext, cycleId: string): Promise<string[]> => {
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
