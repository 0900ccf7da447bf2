import {
  type TRecommendation,
  type TRecommendationInput,
  ZRecommendationInput,
} from "../../core/reviews/review.schemas.ts";
import { notFound } from "../../core/shared/errors.ts";
import { findReview, insertRecommendation } from "../../repositories/reviews/reviews.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertCanChange, assertEditable, readRecommendation } from "./review-view.ts";

/** Issues a recommendation addressed to a named actor, from a named recommending party (UPR convention). */
export const addRecommendation = async (
  ctx: ServiceContext,
  reviewId: string,
  raw: TRecommendationInput,
): Promise<TRecommendation> => {
  const input = ZRecommendationInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const review = await findReview(tx.db, reviewId, tx.actor);
    if (!review) throw notFound("Review");
    assertCanChange(ctx.actor, review, "review.write");
    assertEditable(review);
    const row = await insertRecommendation(tx.db, {
      ...input,
      reviewId,
      iso3: review.iso3,
      createdBy: ctx.actor.userId,
      now: ctx.now(),
    });
    await audit(tx, {
      action: "recommendation.create",
      entityType: "review_recommendations",
      entityId: row.id,
      after: row,
    });
    return readRecommendation(tx.db, row, tx.actor);
  });
};
