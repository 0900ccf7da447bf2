import { alertMeasures, recommendationMeasures, type TMeasures } from "../../core/measures/measures.ts";
import { alertTimings, recommendationFacts } from "../../repositories/measures.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/**
 * How fast warning turned into action: alert to acknowledgement, decision and action per desk and
 * severity, the share decided within the deadline, and recommendation implementation per cycle.
 * Every signed-in person reads them, accountability being the point, but each counts only the alerts and
 * recommendations they may see.
 */
export const computeMeasures = async (
  ctx: ServiceContext,
  filter: { since?: Date | undefined },
): Promise<TMeasures> => ({
  alerts: alertMeasures(await alertTimings(ctx.db, ctx.actor, filter), ctx.now()),
  recommendations: recommendationMeasures(await recommendationFacts(ctx.db, ctx.actor)),
});
