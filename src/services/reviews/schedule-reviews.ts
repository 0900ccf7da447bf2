import { authorize } from "../../core/access/policies.ts";
import { type Severity, severityRank } from "../../core/alerts/alert.schemas.ts";
import { type TCreateCycle, ZCreateCycle } from "../../core/reviews/review.schemas.ts";
import { bringForwardReason, planCycle } from "../../core/reviews/schedule.ts";
import { invalid, notFound } from "../../core/shared/errors.ts";
import { forecastPeaks } from "../../repositories/alerts/rule-inputs.repository.ts";
import { findDefaultFramework, findFramework } from "../../repositories/frameworks.repository.ts";
import {
  bringForward,
  type CycleRecord,
  findCycle,
  insertCycle,
  insertScheduleEntries,
  listReviewableCountries,
  listSchedule,
  openAlertSeverities,
  type ScheduleRecord,
} from "../../repositories/reviews/cycles.repository.ts";
import { latestSucceededRun } from "../../repositories/warning/forecast-runs.repository.ts";
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
    return listSchedule(tx.db, cycleId);
  });
};

export const getReviewSchedule = async (ctx: ServiceContext, cycleId: string): Promise<ScheduleRecord[]> => {
  if (!(await findCycle(ctx.db, cycleId))) throw notFound("Review cycle");
  return listSchedule(ctx.db, cycleId);
};

const bringForwardAtRisk = async (tx: ServiceContext, cycleId: string): Promise<string[]> => {
  const settings = await getReviewSettings(tx);
  const { measure, probability, alertSeverity } = settings.bringForward;
  const run = await latestSucceededRun(tx.db);
  const peaks = run ? await forecastPeaks(tx.db, run.id, measure, 12) : [];
  const risk = new Map(peaks.map((peak) => [peak.iso3, peak.probability]));
  const alerts = await openAlertSeverities(tx.db);
  const today = tx.now().toISOString().slice(0, 10);
  const moved: string[] = [];
  for (const entry of await listSchedule(tx.db, cycleId)) {
    if (entry.reviewStatus === "adopted") continue;
    const severities = (alerts.get(entry.iso3) ?? []) as Severity[];
    const top = severities.sort((a, b) => severityRank(b) - severityRank(a))[0] ?? null;
    const reason = bringForwardReason(
      { probability: risk.get(entry.iso3) ?? null, measure, topAlertSeverity: top },
      { probability, severityReached: top !== null && severityRank(top) >= severityRank(alertSeverity) },
    );
    if (!reason || (entry.plannedFor <= today && entry.broughtForwardReason === reason)) continue;
    await bringForward(
      tx.db,
      cycleId,
      entry.iso3,
      // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.min does not apply.
      entry.plannedFor < today ? entry.plannedFor : today,
      reason,
    );
    moved.push(entry.iso3);
  }
  return moved;
};
