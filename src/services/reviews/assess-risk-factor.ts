import { type TAssessmentInput, ZAssessmentInput } from "../../core/reviews/review.schemas.ts";
import { conflict, invalid } from "../../core/shared/errors.ts";
import { findFramework } from "../../repositories/frameworks.repository.ts";
import { listAssessments, upsertAssessment } from "../../repositories/reviews/reviews.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertCanChange, assertEditable, loadReviewDetail, type ReviewDetailView } from "./review-view.ts";

/** Records the level, trend, confidence and evidence of one risk factor of the review's framework. */
export const assessRiskFactor = async (
  ctx: ServiceContext,
  reviewId: string,
  factorCode: string,
  raw: TAssessmentInput,
): Promise<ReviewDetailView> => {
  const { basedOn, ...input } = ZAssessmentInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const review = await loadReviewDetail(tx.db, reviewId, tx.actor);
    assertCanChange(ctx.actor, review, "review.write");
    assertEditable(review);
    const framework = await findFramework(tx.db, review.frameworkId);
    if (!framework?.factors.some((factor) => factor.code === factorCode))
      throw invalid(`Factor ${factorCode} is not in ${review.frameworkTitle}.`, [
        { field: "factorCode", message: "not a factor of the review's framework" },
      ]);
    const before = (await listAssessments(tx.db, reviewId)).find((a) => a.factorCode === factorCode);
    const stored = before?.assessedAt.toISOString() ?? null;
    if (basedOn !== undefined && stored !== (basedOn && new Date(basedOn).toISOString()))
      throw conflict(
        `${before?.assessedBy ?? "Someone"} saved factor ${factorCode} at ${stored} after you opened it: reload the review to see their assessment, then make your changes to it.`,
        [{ field: "basedOn", message: "the assessment changed since this edit began" }],
      );
    await upsertAssessment(tx.db, {
      reviewId,
      factorCode,
      assessedBy: ctx.actor.userId,
      at: ctx.now(),
      level: input.level,
      trend: input.trend,
      confidence: input.confidence,
      evidenceLinks: input.evidenceLinks,
      note: input.note,
    });
    await audit(tx, {
      action: "review.assess",
      entityType: "reviews",
      entityId: reviewId,
      before: before ?? null,
      after: { factorCode, ...input },
    });
    return loadReviewDetail(tx.db, reviewId, tx.actor);
  });
};
