import type { TCycle, TReview, TReviewDetail, TScheduleEntry } from "../../core/reviews/review.schemas.ts";
import { parseReasons } from "../../core/reviews/schedule.ts";
import { isoInstant } from "../../core/shared/instants.ts";
import type { CycleRecord, ScheduleRecord } from "../../repositories/reviews/cycles.repository.ts";
import type { ReviewRecord } from "../../repositories/reviews/reviews.repository.ts";
import type { ReviewDetailView } from "../../services/reviews/review-view.ts";

export const presentReview = (review: ReviewRecord): TReview => ({
  id: review.id,
  iso3: review.iso3,
  countryName: review.countryName,
  countryIso2: review.countryIso2,
  title: review.title,
  status: review.status,
  cycleId: review.cycleId,
  framework: {
    id: review.frameworkId,
    slug: review.frameworkSlug,
    version: review.frameworkVersion,
    title: review.frameworkTitle,
    titleTranslations: review.frameworkTitleTranslations,
  },
  ownerOrgId: review.ownerOrgId,
  clearance: review.clearance,
  findings: review.findings,
  createdBy: review.createdBy,
  createdAt: review.createdAt.toISOString(),
  updatedAt: review.updatedAt.toISOString(),
  submittedBy: review.submittedBy,
  submittedById: review.submittedById,
  submittedAt: isoInstant(review.submittedAt),
  adoptedBy: review.adoptedBy,
  adoptedAt: isoInstant(review.adoptedAt),
});

export const presentReviewDetail = (review: ReviewDetailView): TReviewDetail => ({
  ...presentReview(review),
  assessments: review.assessments,
  recommendations: review.recommendations,
  followUps: review.followUps,
  evidence: review.evidencePack,
});

export const presentCycle = (cycle: CycleRecord): TCycle => ({ ...cycle });

export const presentScheduleEntry = (entry: ScheduleRecord): TScheduleEntry => ({
  ...entry,
  broughtForwardReasons: parseReasons(entry.broughtForwardReason),
  reviewStatus: entry.reviewStatus as TScheduleEntry["reviewStatus"],
});
