import { notFound } from "../../core/shared/errors.ts";
import { findCycle, type ScheduleRecord } from "../../repositories/reviews/cycles.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { scheduleSeenBy } from "./review-schedule.ts";

/** A cycle's schedule as the actor may see it. */
export const getReviewSchedule = async (ctx: ServiceContext, cycleId: string): Promise<ScheduleRecord[]> => {
  if (!(await findCycle(ctx.db, cycleId))) throw notFound("Review cycle");
  return scheduleSeenBy(ctx, cycleId);
};
