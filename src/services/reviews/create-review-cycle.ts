import { authorize } from "../../core/access/policies.ts";
import { type TCreateCycle, ZCreateCycle } from "../../core/reviews/review.schemas.ts";
import { planCycle } from "../../core/reviews/schedule.ts";
import { conflict, invalid, notFound } from "../../core/shared/errors.ts";
import { findDefaultFramework, findFramework } from "../../repositories/frameworks.repository.ts";
import {
  type CycleRecord,
  findCycle,
  insertCycle,
  insertScheduleEntries,
  listCycles,
  listReviewableCountries,
} from "../../repositories/reviews/cycles.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { bringForwardAtRisk } from "./review-schedule.ts";
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
