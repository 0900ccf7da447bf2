import type { Actor } from "../../core/access/actor.ts";
import { type Action, assertWorksOn } from "../../core/access/policies.ts";
import {
  type TAssessment,
  type TEvidencePack,
  type TFollowUp,
  type TRecommendation,
  ZEvidencePack,
} from "../../core/reviews/review.schemas.ts";
import { forbidden, notFound } from "../../core/shared/errors.ts";
import { isoInstant } from "../../core/shared/instants.ts";
import type { Db } from "../../db/types.ts";
import {
  type AssessmentRecord,
  type FollowUpReader,
  type FollowUpRecord,
  findReview,
  listAssessments,
  listFollowUpHistory,
  listFollowUpsIn,
  listRecommendations,
  type RecommendationRecord,
  type ReviewRecord,
} from "../../repositories/reviews/reviews.repository.ts";

export type ReviewDetailView = ReviewRecord & {
  assessments: TAssessment[];
  recommendations: TRecommendation[];
  followUps: TRecommendation[];
  evidencePack: TEvidencePack | null;
};

/**
 * A recommendation with the follow-ups the reader may see. Its implementation is the one recorded in
 * `recordedIn` (a review's own follow-ups) or else the latest the reader may see: a later follow-up in a review
 * they may not read is not theirs to see. Enum columns are constrained by CHECKs that mirror the zod enums.
 */
const recommendationWithFollowUps = (
  row: RecommendationRecord,
  followUps: readonly FollowUpRecord[],
  recordedIn?: string,
): TRecommendation => {
  const history = followUps
    .filter((f) => f.recommendationId === row.id)
    .map((f) => ({
      reviewId: f.reviewId,
      cycleName: f.cycleName,
      implementation: f.implementation as TFollowUp["implementation"],
      note: f.note,
      recordedAt: f.recordedAt.toISOString(),
    }));
  const current = recordedIn ? history.find((f) => f.reviewId === recordedIn) : history.at(-1);
  return {
    ...row,
    response: row.response as TRecommendation["response"],
    respondedAt: isoInstant(row.respondedAt),
    implementation: current?.implementation ?? null,
    followUpNote: current?.note ?? "",
    followedUpAt: current?.recordedAt ?? null,
    followedUpIn: current?.reviewId ?? null,
    createdAt: row.createdAt.toISOString(),
    history,
  };
};

/** Recommendations as the reader may see them, each with its follow-ups cycle after cycle. */
export const readRecommendations = async (
  db: Db,
  rows: readonly RecommendationRecord[],
  reader: FollowUpReader,
  recordedIn?: string,
): Promise<TRecommendation[]> => {
  const followUps = await listFollowUpHistory(
    db,
    rows.map((row) => row.id),
    reader,
  );
  return rows.map((row) => recommendationWithFollowUps(row, followUps, recordedIn));
};

export const readRecommendation = async (
  db: Db,
  row: RecommendationRecord,
  reader: Actor,
): Promise<TRecommendation> => (await readRecommendations(db, [row], reader))[0] as TRecommendation;

const assessmentOf = (row: AssessmentRecord): TAssessment => ({
  ...row,
  level: row.level as TAssessment["level"],
  trend: row.trend as TAssessment["trend"],
  confidence: row.confidence as TAssessment["confidence"],
  evidenceLinks: row.evidenceLinks as TAssessment["evidenceLinks"],
  assessedAt: row.assessedAt.toISOString(),
});

/** A review with its assessments and recommendations, if the reader may see it. */
export const loadReviewDetail = async (db: Db, id: string, reader: Actor): Promise<ReviewDetailView> => {
  const review = await findReview(db, id, reader);
  if (!review) throw notFound("Review");
  const [assessments, recommendations, followUps] = await Promise.all([
    listAssessments(db, id),
    listRecommendations(db, id),
    listFollowUpsIn(db, id, reader),
  ]);
  return {
    ...review,
    assessments: assessments.map(assessmentOf),
    recommendations: await readRecommendations(db, recommendations, reader),
    followUps: await readRecommendations(db, followUps, reader, id),
    // Read through the schema, so a pack stored by an earlier version gains the fields added since.
    evidencePack: review.evidence ? ZEvidencePack.parse(review.evidence) : null,
  };
};

/**
 * Reviews are read under clearance; only the owning organisation's writers change them. Running the instance
 * gives a platform administrator no say over another organisation's review.
 */
export const assertCanChange = (actor: Actor, review: ReviewRecord, action: Action): void =>
  assertWorksOn(
    actor,
    review.ownerOrgId,
    action,
    "Only the organisation that owns this review may change it.",
  );

export const assertEditable = (review: ReviewRecord): void => {
  if (review.status === "adopted")
    throw forbidden("An adopted review is final; start a new review to revise it.");
};
