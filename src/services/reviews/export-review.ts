import { type Clearance, clearanceRank } from "../../core/access/vocabulary.ts";
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
 * What a brief may carry besides the review: the review organisation's own scenarios and plans, marked no
 * higher than the brief itself (its banner is the review's marking), and for an adopted review those written
 * by its adoption. Another organisation's work shared in stays with that organisation.
 */
const belongsInBrief =
  (review: ReviewDetailView) =>
  (record: { ownerOrgId: string; clearance: Clearance; createdAt: Date }): boolean =>
    record.ownerOrgId === review.ownerOrgId &&
    clearanceRank(record.clearance) <= clearanceRank(review.clearance) &&
    (!review.adoptedAt || record.createdAt <= review.adoptedAt);

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
  const inBrief = belongsInBrief(review);
  return {
    exportedAt: ctx.now(),
    exportedBy: ctx.actorLabel,
    review,
    framework,
    scenarios: scenarios.filter(inBrief),
    plans: plans.filter(inBrief),
  };
};
