import { authorize } from "../../core/access/policies.ts";
import { notFound } from "../../core/shared/errors.ts";
import { findCycle, type ScheduleRecord } from "../../repositories/reviews/cycles.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { bringForwardAtRisk, scheduleSeenBy } from "./review-schedule.ts";

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
