import { notFound } from "../../core/shared/errors.ts";
import { type FrameworkRow, findFramework } from "../../repositories/frameworks.repository.ts";
import {
  listVisiblePlans,
  listVisibleScenarios,
  type PlanRow,
  type ScenarioRow,
} from "../../repositories/scenarios.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { loadReviewDetail, type ReviewDetailView } from "./review-view.ts";

export type ReviewExportView = {
  exportedAt: Date;
  exportedBy: string;
  review: ReviewDetailView;
  framework: FrameworkRow;
  scenarios: ScenarioRow[];
  plans: PlanRow[];
};

/**
 * Everything a review brief holds, for the reader who asked: scenarios and contingency plans appear only
 * if the reader is cleared for them, so an export never carries closed-door analysis further.
 */
export const exportReview = async (ctx: ServiceContext, id: string): Promise<ReviewExportView> => {
  const review = await loadReviewDetail(ctx.db, id, ctx.actor);
  const framework = await findFramework(ctx.db, review.frameworkId);
  if (!framework) throw notFound("Framework");
  const [scenarios, plans] = await Promise.all([
    listVisibleScenarios(ctx.db, ctx.actor, { iso3: review.iso3 }),
    listVisiblePlans(ctx.db, ctx.actor, { iso3: review.iso3 }),
  ]);
  return { exportedAt: ctx.now(), exportedBy: ctx.actorLabel, review, framework, scenarios, plans };
};
