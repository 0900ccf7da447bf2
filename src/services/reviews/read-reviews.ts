import type { ReviewStatus } from "../../core/reviews/review.schemas.ts";
import {
  type ReviewRecord,
  listReviews as selectReviews,
} from "../../repositories/reviews/reviews.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { loadReviewDetail, type ReviewDetailView } from "./review-view.ts";

export const listReviews = (
  ctx: ServiceContext,
  filter: { iso3?: string | undefined; status?: ReviewStatus | undefined; cycleId?: string | undefined },
): Promise<ReviewRecord[]> => selectReviews(ctx.db, ctx.actor, filter);

export const getReview = (ctx: ServiceContext, id: string): Promise<ReviewDetailView> =>
  loadReviewDetail(ctx.db, id, ctx.actor);
