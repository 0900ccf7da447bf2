import { ZUpdateReview } from "../../core/reviews/review.schemas.ts";
import { updateReview as saveReview } from "../../repositories/reviews/reviews.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { buildEvidencePack, type EvidenceSettings } from "./build-evidence-pack.ts";
import { assertCanChange, assertEditable, loadReviewDetail, type ReviewDetailView } from "./review-view.ts";

/** Changes the title or the findings of a review that is not yet adopted. */
export const updateReview = async (
  ctx: ServiceContext,
  id: string,
  raw: unknown,
): Promise<ReviewDetailView> => {
  const changes = ZUpdateReview.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await loadReviewDetail(tx.db, id, tx.actor);
    assertCanChange(ctx.actor, before, "review.write");
    assertEditable(before);
    await saveReview(tx.db, id, changes, ctx.now());
    await audit(tx, {
      action: "review.update",
      entityType: "reviews",
      entityId: id,
      before: { title: before.title, findings: before.findings },
      after: changes,
    });
    return loadReviewDetail(tx.db, id, tx.actor);
  });
};

/** Gathers the evidence pack again (new forecasts, data, alerts); adopted reviews keep theirs frozen. */
export const refreshEvidence = async (
  ctx: ServiceContext,
  id: string,
  evidence: EvidenceSettings,
): Promise<ReviewDetailView> =>
  inTransaction(ctx, async (tx) => {
    const before = await loadReviewDetail(tx.db, id, tx.actor);
    assertCanChange(ctx.actor, before, "review.write");
    assertEditable(before);
    const now = ctx.now();
    await saveReview(
      tx.db,
      id,
      { evidence: await buildEvidencePack(tx.db, before.iso3, id, now, evidence), evidenceAt: now },
      now,
    );
    await audit(tx, {
      action: "review.refresh_evidence",
      entityType: "reviews",
      entityId: id,
      after: { at: now },
    });
    return loadReviewDetail(tx.db, id, tx.actor);
  });
