import { mayAdoptReview } from "../../core/access/policies.ts";
import { reviewTransitions, ZReviewTransition } from "../../core/reviews/review.schemas.ts";
import { conflict, forbidden } from "../../core/shared/errors.ts";
import { updateReview } from "../../repositories/reviews/reviews.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { buildEvidencePack, type EvidenceSettings } from "./build-evidence-pack.ts";
import { assertCanChange, loadReviewDetail, type ReviewDetailView } from "./review-view.ts";

const inWords = (status: string) => status.replace("_", " ");

/**
 * Moves a review draft → in review → adopted (or back to draft from review). Analysts submit; adoption
 * needs the `review.adopt` grant and a second person (four eyes: not the one who submitted it), and
 * freezes the evidence pack as it stood at adoption.
 */
export const changeReviewStatus = async (
  ctx: ServiceContext,
  id: string,
  raw: unknown,
  evidence: EvidenceSettings,
): Promise<ReviewDetailView> => {
  const { to, note } = ZReviewTransition.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await loadReviewDetail(tx.db, id, tx.actor);
    assertCanChange(ctx.actor, before, to === "adopted" ? "review.adopt" : "review.write");
    if (!reviewTransitions[before.status].includes(to))
      throw conflict(`A review that is ${inWords(before.status)} cannot move to ${inWords(to)}.`, [
        { field: "to", message: `allowed: ${reviewTransitions[before.status].join(", ") || "none"}` },
      ]);
    if (to === "adopted" && !mayAdoptReview(ctx.actor, before))
      throw forbidden(
        "Someone other than the person who submitted a review adopts it: ask a colleague to adopt it.",
      );
    // Refused at submission too: whoever adopts (a desk officer) may not assess, and could only wait.
    if (to !== "draft" && before.assessments.length === 0)
      throw conflict(
        `Assess at least one risk factor before ${to === "adopted" ? "adopting" : "submitting"}.`,
        [{ field: "assessments", message: "none yet" }],
      );
    const now = ctx.now();
    await updateReview(
      tx.db,
      id,
      {
        status: to,
        ...(to === "in_review" ? { submittedBy: ctx.actor.userId, submittedAt: now } : {}),
        ...(to === "adopted"
          ? {
              adoptedBy: ctx.actor.userId,
              adoptedAt: now,
              evidence: await buildEvidencePack(tx.db, before.iso3, id, now, evidence),
              evidenceAt: now,
            }
          : {}),
      },
      now,
    );
    await audit(tx, {
      action: `review.${to === "in_review" ? "submit" : to === "adopted" ? "adopt" : "return_to_draft"}`,
      entityType: "reviews",
      entityId: id,
      before: { status: before.status },
      after: { status: to, note },
    });
    return loadReviewDetail(tx.db, id, tx.actor);
  });
};
