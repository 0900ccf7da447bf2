import { authorize } from "../../core/access/policies.ts";
import { type TRecommendation, ZRecommendationResponse } from "../../core/reviews/review.schemas.ts";
import { conflict, notFound } from "../../core/shared/errors.ts";
import {
  findRecommendation,
  findReview,
  updateRecommendation,
} from "../../repositories/reviews/reviews.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertCanChange, readRecommendation } from "./review-view.ts";

/**
 * Records the addressee's answer: supported or noted. Until adoption it may change; an adopted review's
 * recommendation takes one answer, as the state may answer after the review, and then it is the record.
 */
export const respondToRecommendation = async (
  ctx: ServiceContext,
  id: string,
  raw: unknown,
): Promise<TRecommendation> => {
  authorize(ctx.actor, "review.write");
  const { response } = ZRecommendationResponse.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await findRecommendation(tx.db, id);
    const review = before && (await findReview(tx.db, before.reviewId, tx.actor));
    if (!before || !review) throw notFound("Recommendation");
    assertCanChange(ctx.actor, review, "review.write");
    if (review.status === "adopted" && before.response !== "pending")
      throw conflict(`The review is adopted and the answer was recorded as ${before.response}.`, [
        { field: "response", message: `already ${before.response}` },
      ]);
    const row = await updateRecommendation(tx.db, id, { response, respondedAt: ctx.now() });
    await audit(tx, {
      action: "recommendation.respond",
      entityType: "review_recommendations",
      entityId: id,
      before,
      after: row,
    });
    return readRecommendation(tx.db, row, tx.actor);
  });
};
