import type { Actor } from "../core/access/actor.ts";
import type { AlertTiming, RecommendationFact } from "../core/measures/measures.ts";
import type { Db } from "../db/types.ts";
import { visibleTo } from "./access/visibility.ts";

/**
 * The timing facts of the alerts raised in a period that the reader may see, with the desk (organisation
 * and person) that owns each.
 */
export const alertTimings = async (
  db: Db,
  reader: Actor,
  filter: { since?: Date | undefined },
): Promise<AlertTiming[]> => {
  let query = db
    .selectFrom("alerts as a")
    .where(visibleTo(reader, "alerts", "a"))
    .innerJoin("organisations as o", "o.id", "a.owner_org_id")
    .leftJoin("users as u", "u.id", "a.owner_user_id")
    .select([
      "o.name as deskOrg",
      "u.name as deskPerson",
      "a.severity",
      "a.raised_at as raisedAt",
      "a.deadline",
      "a.acknowledged_at as acknowledgedAt",
      "a.decided_at as decidedAt",
      "a.action_at as actionAt",
    ]);
  if (filter.since) query = query.where("a.raised_at", ">=", filter.since);
  return query.execute();
};

/**
 * The recommendations of reviews the reader may see, with the review's cycle (null outside one) and the latest
 * follow-up the reader may see: one recorded in a review closed to them does not count.
 */
export const recommendationFacts = async (db: Db, reader: Actor): Promise<RecommendationFact[]> =>
  (
    await db
      .selectFrom("review_recommendations as rr")
      .innerJoin("reviews as r", "r.id", "rr.review_id")
      .where(visibleTo(reader, "reviews", "r"))
      .leftJoin("review_cycles as c", "c.id", "r.cycle_id")
      .select((eb) => [
        "c.name as cycle",
        "rr.response",
        eb
          .selectFrom("recommendation_follow_ups as f")
          .leftJoin("reviews as fr", "fr.id", "f.review_id")
          .select("f.implementation")
          .whereRef("f.recommendation_id", "=", "rr.id")
          .where((w) => w.or([w("f.review_id", "is", null), visibleTo(reader, "reviews", "fr")]))
          .orderBy("f.recorded_at", "desc")
          .orderBy("f.seq", "desc")
          .limit(1)
          .as("implementation"),
      ])
      .execute()
  ).map((row) => ({ ...row, cycle: row.cycle ?? null, implementation: row.implementation ?? null }));
