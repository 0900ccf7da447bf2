import { sql } from "kysely";
import type { Actor } from "../../core/access/actor.ts";
import { type Clearance, clearances } from "../../core/access/vocabulary.ts";
import type { TTranslations } from "../../core/frameworks/framework.schemas.ts";
import type { ReviewStatus, TAssessmentInput } from "../../core/reviews/review.schemas.ts";
import type { Db } from "../../db/types.ts";
import { visibleTo } from "../access/visibility.ts";

const clearanceOrder = sql`ARRAY[${sql.join(clearances.map((c) => sql.lit(c)))}]::text[]`;

/**
 * Reviews (alias `r`) that every reader of a given review may read: public ones, and its own organisation's at
 * its clearance or below. What is stored in that review for all its readers (its evidence) comes from these.
 */
const readableByEveryReaderOf = (reviewId: string | null) =>
  sql<boolean>`(r.clearance = 'public' OR EXISTS (SELECT 1 FROM reviews cur WHERE cur.id = ${reviewId}
    AND cur.owner_org_id = r.owner_org_id
    AND array_position(${clearanceOrder}, r.clearance) <= array_position(${clearanceOrder}, cur.clearance)))`;

/** Whose eyes read follow-ups: a person, or every reader of a review (for what is stored in it). */
export type FollowUpReader = Actor | { everyReaderOf: string | null };

export type ReviewRecord = {
  id: string;
  cycleId: string | null;
  iso3: string;
  countryName: string | null;
  countryIso2: string | null;
  frameworkId: string;
  frameworkSlug: string;
  frameworkVersion: string;
  frameworkTitle: string;
  frameworkTitleTranslations: TTranslations;
  ownerOrgId: string;
  clearance: Clearance;
  title: string;
  status: ReviewStatus;
  findings: string;
  evidence: unknown;
  evidenceAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedBy: string | null;
  submittedById: string | null;
  submittedAt: Date | null;
  adoptedBy: string | null;
  adoptedAt: Date | null;
};

const select = (db: Db) =>
  db
    .selectFrom("reviews as r")
    .innerJoin("frameworks as f", "f.id", "r.framework_id")
    .leftJoin("countries as c", "c.iso3", "r.iso3")
    .leftJoin("users as cu", "cu.id", "r.created_by")
    .leftJoin("users as su", "su.id", "r.submitted_by")
    .leftJoin("users as au", "au.id", "r.adopted_by")
    .select([
      "r.id",
      "r.cycle_id as cycleId",
      "r.iso3",
      "c.name as countryName",
      "c.iso2 as countryIso2",
      "r.framework_id as frameworkId",
      "f.slug as frameworkSlug",
      "f.version as frameworkVersion",
      "f.title as frameworkTitle",
      "f.title_translations as frameworkTitleTranslations",
      "r.owner_org_id as ownerOrgId",
      "r.clearance",
      "r.title",
      "r.status",
      "r.findings",
      "r.evidence",
      "r.evidence_at as evidenceAt",
      "cu.name as createdBy",
      "r.created_at as createdAt",
      "r.updated_at as updatedAt",
      "su.name as submittedBy",
      "r.submitted_by as submittedById",
      "r.submitted_at as submittedAt",
      "au.name as adoptedBy",
      "r.adopted_at as adoptedAt",
    ]);

type Selected = Awaited<ReturnType<ReturnType<typeof select>["executeTakeFirstOrThrow"]>>;
const typed = (row: Selected): ReviewRecord => ({
  ...row,
  status: row.status as ReviewStatus,
  clearance: row.clearance as Clearance,
  // jsonb written only through ZTranslations
  frameworkTitleTranslations: row.frameworkTitleTranslations as TTranslations,
});

/** A review by id; with a reader, only if they may see it (its clearance, owner and shares). */
export const findReview = async (db: Db, id: string, reader?: Actor): Promise<ReviewRecord | undefined> => {
  let query = select(db).where("r.id", "=", id);
  if (reader) query = query.where(visibleTo(reader, "reviews", "r"));
  const row = await query.executeTakeFirst();
  return row && typed(row);
};

/** The id of an organisation's review of a country in a cycle, whatever its marking (a rule, not a read). */
export const findOrganisationReviewInCycle = async (
  db: Db,
  orgId: string,
  iso3: string,
  cycleId: string,
): Promise<string | undefined> =>
  (
    await db
      .selectFrom("reviews")
      .select("id")
      .where("owner_org_id", "=", orgId)
      .where("iso3", "=", iso3)
      .where("cycle_id", "=", cycleId)
      .executeTakeFirst()
  )?.id;

export const listReviews = async (
  db: Db,
  reader: Actor,
  filter: { iso3?: string | undefined; status?: ReviewStatus | undefined; cycleId?: string | undefined },
): Promise<ReviewRecord[]> => {
  let query = select(db).where(visibleTo(reader, "reviews", "r"));
  if (filter.iso3) query = query.where("r.iso3", "=", filter.iso3);
  if (filter.status) query = query.where("r.status", "=", filter.status);
  if (filter.cycleId) query = query.where("r.cycle_id", "=", filter.cycleId);
  return (await query.orderBy("r.updated_at", "desc").limit(1000).execute()).map(typed);
};

export const insertReview = async (
  db: Db,
  input: {
    cycleId: string | null;
    iso3: string;
    frameworkId: string;
    ownerOrgId: string;
    clearance: Clearance;
    title: string;
    createdBy: string;
    now: Date;
  },
): Promise<string> =>
  (
    await db
      .insertInto("reviews")
      .values({
        cycle_id: input.cycleId,
        iso3: input.iso3,
        framework_id: input.frameworkId,
        owner_org_id: input.ownerOrgId,
        clearance: input.clearance,
        title: input.title,
        created_by: input.createdBy,
        created_at: input.now,
        updated_at: input.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;

export const updateReview = async (
  db: Db,
  id: string,
  changes: Partial<{
    title: string;
    findings: string;
    status: ReviewStatus;
    evidence: unknown;
    evidenceAt: Date;
    submittedBy: string;
    submittedAt: Date;
    adoptedBy: string;
    adoptedAt: Date;
  }>,
  now: Date,
): Promise<void> => {
  await db
    .updateTable("reviews")
    .set({
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.findings !== undefined ? { findings: changes.findings } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.evidence !== undefined ? { evidence: JSON.stringify(changes.evidence) } : {}),
      ...(changes.evidenceAt !== undefined ? { evidence_at: changes.evidenceAt } : {}),
      ...(changes.submittedBy !== undefined ? { submitted_by: changes.submittedBy } : {}),
      ...(changes.submittedAt !== undefined ? { submitted_at: changes.submittedAt } : {}),
      ...(changes.adoptedBy !== undefined ? { adopted_by: changes.adoptedBy } : {}),
      ...(changes.adoptedAt !== undefined ? { adopted_at: changes.adoptedAt } : {}),
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
};

export type AssessmentRecord = {
  factorCode: string;
  level: string;
  trend: string;
  confidence: string;
  evidenceLinks: unknown;
  note: string;
  assessedBy: string | null;
  assessedAt: Date;
};

export const listAssessments = (db: Db, reviewId: string): Promise<AssessmentRecord[]> =>
  db
    .selectFrom("review_assessments as a")
    .leftJoin("users as u", "u.id", "a.assessed_by")
    .select([
      "a.factor_code as factorCode",
      "a.level",
      "a.trend",
      "a.confidence",
      "a.evidence_links as evidenceLinks",
      "a.note",
      "u.name as assessedBy",
      "a.assessed_at as assessedAt",
    ])
    .where("a.review_id", "=", reviewId)
    .execute();

export const upsertAssessment = async (
  db: Db,
  input: { reviewId: string; factorCode: string; assessedBy: string; at: Date } & Required<
    Omit<TAssessmentInput, "basedOn">
  >,
): Promise<void> => {
  const values = {
    level: input.level,
    trend: input.trend,
    confidence: input.confidence,
    evidence_links: JSON.stringify(input.evidenceLinks),
    note: input.note,
    assessed_by: input.assessedBy,
    assessed_at: input.at,
  };
  await db
    .insertInto("review_assessments")
    .values({ review_id: input.reviewId, factor_code: input.factorCode, ...values })
    .onConflict((oc) => oc.columns(["review_id", "factor_code"]).doUpdateSet(values))
    .execute();
};

export type RecommendationRecord = {
  id: string;
  reviewId: string;
  iso3: string;
  body: string;
  addressedTo: string;
  recommendedBy: string;
  response: string;
  respondedAt: Date | null;
  createdAt: Date;
};

const recommendationColumns = [
  "id",
  "review_id as reviewId",
  "iso3",
  "body",
  "addressed_to as addressedTo",
  "recommended_by as recommendedBy",
  "response",
  "responded_at as respondedAt",
  "created_at as createdAt",
] as const;

export const listRecommendations = (db: Db, reviewId: string): Promise<RecommendationRecord[]> =>
  db
    .selectFrom("review_recommendations")
    .select(recommendationColumns)
    .where("review_id", "=", reviewId)
    .orderBy("created_at")
    .execute();

/** Earlier reviews' recommendations followed up in this review. */
/** The recommendations a review follows up that the reader may read: their own review's marking still holds. */
export const listFollowUpsIn = (db: Db, reviewId: string, reader: Actor): Promise<RecommendationRecord[]> =>
  db
    .selectFrom("recommendation_follow_ups as f")
    .innerJoin("review_recommendations as rr", "rr.id", "f.recommendation_id")
    .innerJoin("reviews as r", "r.id", "rr.review_id")
    .select(recommendationColumns.map((column) => `rr.${column}` as const))
    .where("f.review_id", "=", reviewId)
    .where(visibleTo(reader, "reviews", "r"))
    .orderBy("rr.created_at")
    .execute();

export type FollowUpRecord = {
  recommendationId: string;
  reviewId: string | null;
  cycleName: string | null;
  implementation: string;
  note: string;
  recordedAt: Date;
};

/**
 * The follow-ups of these recommendations the reader may see, oldest first, with the cycle of the review that
 * recorded each: a follow-up noted in a confidential review stays as closed as that review, even beside a public
 * recommendation.
 */
export const listFollowUpHistory = async (
  db: Db,
  recommendationIds: readonly string[],
  reader: FollowUpReader,
): Promise<FollowUpRecord[]> =>
  recommendationIds.length === 0
    ? []
    : db
        .selectFrom("recommendation_follow_ups as f")
        .leftJoin("reviews as r", "r.id", "f.review_id")
        .leftJoin("review_cycles as c", "c.id", "r.cycle_id")
        .select([
          "f.recommendation_id as recommendationId",
          "f.review_id as reviewId",
          "c.name as cycleName",
          "f.implementation",
          "f.note",
          "f.recorded_at as recordedAt",
        ])
        .where("f.recommendation_id", "in", recommendationIds)
        .where((eb) =>
          eb.or([
            eb("f.review_id", "is", null),
            "everyReaderOf" in reader
              ? readableByEveryReaderOf(reader.everyReaderOf)
              : visibleTo(reader, "reviews", "r"),
          ]),
        )
        .orderBy("f.recorded_at")
        .orderBy("f.seq")
        .execute();

/** Records a follow-up; a review records one per recommendation, so recording it again replaces it. */
export const saveFollowUp = async (
  db: Db,
  input: {
    recommendationId: string;
    reviewId: string | null;
    implementation: string;
    note: string;
    recordedBy: string;
    recordedAt: Date;
  },
): Promise<void> => {
  const values = {
    implementation: input.implementation,
    note: input.note,
    recorded_by: input.recordedBy,
    recorded_at: input.recordedAt,
  };
  const reviewId = input.reviewId;
  if (reviewId) {
    const replaced = await db
      .updateTable("recommendation_follow_ups")
      .set(values)
      .where("recommendation_id", "=", input.recommendationId)
      .where("review_id", "=", reviewId)
      .executeTakeFirst();
    if (replaced.numUpdatedRows > 0n) return;
  }
  await db
    .insertInto("recommendation_follow_ups")
    .values({ ...values, recommendation_id: input.recommendationId, review_id: reviewId })
    .execute();
};

export const findRecommendation = (db: Db, id: string): Promise<RecommendationRecord | undefined> =>
  db
    .selectFrom("review_recommendations")
    .select(recommendationColumns)
    .where("id", "=", id)
    .executeTakeFirst();

/**
 * Recommendations of earlier adopted reviews of the country that every reader of the review at hand may read;
 * whether they are still open is judged on the follow-ups those readers may see.
 */
export const listOpenRecommendations = (
  db: Db,
  iso3: string,
  exceptReviewId: string | null,
): Promise<RecommendationRecord[]> => {
  let query = db
    .selectFrom("review_recommendations as rr")
    .innerJoin("reviews as r", "r.id", "rr.review_id")
    .select(recommendationColumns.map((column) => `rr.${column}` as const))
    .where("rr.iso3", "=", iso3)
    .where("r.status", "=", "adopted")
    .where(readableByEveryReaderOf(exceptReviewId));
  if (exceptReviewId) query = query.where("rr.review_id", "<>", exceptReviewId);
  return query.orderBy("rr.created_at").execute();
};

export const insertRecommendation = async (
  db: Db,
  input: {
    reviewId: string;
    iso3: string;
    body: string;
    addressedTo: string;
    recommendedBy: string;
    createdBy: string;
    now: Date;
  },
): Promise<RecommendationRecord> =>
  db
    .insertInto("review_recommendations")
    .values({
      review_id: input.reviewId,
      iso3: input.iso3,
      body: input.body,
      addressed_to: input.addressedTo,
      recommended_by: input.recommendedBy,
      created_by: input.createdBy,
      created_at: input.now,
    })
    .returning(recommendationColumns)
    .executeTakeFirstOrThrow();

export const updateRecommendation = async (
  db: Db,
  id: string,
  changes: { response: string; respondedAt: Date },
): Promise<RecommendationRecord> =>
  db
    .updateTable("review_recommendations")
    .set({ response: changes.response, responded_at: changes.respondedAt })
    .where("id", "=", id)
    .returning(recommendationColumns)
    .executeTakeFirstOrThrow();

export const deleteRecommendation = async (db: Db, id: string): Promise<void> => {
  await db.deleteFrom("review_recommendations").where("id", "=", id).execute();
};
