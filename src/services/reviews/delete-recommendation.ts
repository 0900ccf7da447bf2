import { notFound } from "../../core/shared/errors.ts";
import {
  findRecommendation,
  findReview,
  deleteRecommendation as removeRecommendation,
} from "../../repositories/reviews/reviews.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertCanChange, assertEditable } from "./review-view.ts";

export const deleteRecommendation = async (ctx: ServiceContext, id: string): Promise<void> =>
  inTransaction(ctx, async (tx) => {
    const before = await findRecommendation(tx.db, id);
    const review = before && (await findReview(tx.db, before.reviewId, tx.actor));
    if (!before || !review) throw notFound("Recommendation");
    assertCanChange(ctx.actor, review, "review.write");
    assertEditable(review);
    await removeRecommendation(tx.db, id);
    await audit(tx, {
      action: "recommendation.delete",
      entityType: "review_recommendations",
      entityId: id,
      before,
    });
  });
