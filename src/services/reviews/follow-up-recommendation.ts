import { authorize } from "../../core/access/policies.ts";
import { clearanceRank } from "../../core/access/vocabulary.ts";
import { type TRecommendation, ZRecommendationFollowUp } from "../../core/reviews/review.schemas.ts";
import { conflict, invalid, notFound } from "../../core/shared/errors.ts";
import { findCycle } from "../../repositories/reviews/cycles.repository.ts";
import {
  findRecommendation,
  findReview,
  type ReviewRecord,
  saveFollowUp,
} from "../../repositories/reviews/reviews.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertCanChange, readRecommendation } from "./review-view.ts";

/**
 * A follow-up is recorded in a later review of the same country, not the one that made the recommendation,
 * and while that review is still open: an adopted review's follow-ups are the record.
 */
const assertLaterReview = async (
  tx: ServiceContext,
  issuing: ReviewRecord,
  reviewId: string,
): Promise<void> => {
  const refuse = (message: string) =>
    invalid(`The follow-up must be recorded in a later review of ${issuing.iso3}.`, [
      { field: "reviewId", message },
    ]);
  const current = await findReview(tx.db, reviewId, tx.actor);
  if (!current || current.iso3 !== issuing.iso3) throw refuse("unknown review or other country");
  if (current.ownerOrgId !== issuing.ownerOrgId) throw refuse("a review of another organisation");
  if (current.id === issuing.id) throw refuse("the review that made the recommendation");
  // Every reader of the later review reads the recommendation beside its follow-up.
  if (clearanceRank(current.clearance) < clearanceRank(issuing.clearance))
    throw refuse(
      `a ${current.clearance} review: the recommendation is ${issuing.clearance}, so its readers may not read it`,
    );
  if (current.status === "adopted")
    throw conflict("That review is adopted: its follow-ups are final. Record this one in the next review.", [
      { field: "reviewId", message: "review adopted" },
    ]);
  const [issuedIn, followedIn] = await Promise.all(
    [issuing.cycleId, current.cycleId].map((id) => (id ? findCycle(tx.db, id) : undefined)),
  );
  if (issuedIn && followedIn && followedIn.startsOn <= issuedIn.startsOn)
    throw refuse(`${followedIn.name} does not come after ${issuedIn.name}`);
};

/**
 * Follows up an adopted review's recommendation at the next cycle: not started, partial or full, noted
 * in the review that found it so (any analyst may follow up, as the next review may be another desk's).
 */
export const followUpRecommendation = async (
  ctx: ServiceContext,
  id: string,
  raw: unknown,
): Promise<TRecommendation> => {
  authorize(ctx.actor, "review.write");
  const input = ZRecommendationFollowUp.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await findRecommendation(tx.db, id);
    const review = before && (await findReview(tx.db, before.reviewId, tx.actor));
    if (!before || !review) throw notFound("Recommendation");
    // Any of the organisation's writers follows up (the next review may be another desk's); no one else.
    assertCanChange(ctx.actor, review, "review.write");
    if (review.status !== "adopted")
      throw conflict("Only recommendations of adopted reviews are followed up.", [
        { field: "reviewId", message: "review not adopted" },
      ]);
    if (input.reviewId) await assertLaterReview(tx, review, input.reviewId);
    await saveFollowUp(tx.db, {
      recommendationId: id,
      reviewId: input.reviewId ?? null,
      implementation: input.implementation,
      note: input.note,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    });
    // Filed under the review that recorded it, if any, so the log withholds it from whoever may not read that review.
    await audit(tx, {
      action: "recommendation.follow_up",
      entityType: input.reviewId ? "reviews" : "review_recommendations",
      entityId: input.reviewId ?? id,
      after: { recommendationId: id, implementation: input.implementation, note: input.note },
    });
    return readRecommendation(tx.db, before, tx.actor);
  });
};
