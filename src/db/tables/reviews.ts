import type { Generated } from "kysely";
import type { DateColumn, Json, Timestamp } from "./columns.ts";
import type { ProtectedColumns } from "./foundation.ts";

// Peacebuilding Audit (migration 0004): cycles, the schedule, reviews, assessments and recommendations;
// the follow-ups of recommendations cycle after cycle (0021).

type ReviewCyclesTable = {
  id: Generated<string>;
  name: string;
  starts_on: DateColumn;
  length_months: number;
  framework_id: string;
  created_by: string | null;
  created_at: Timestamp;
};

type ReviewScheduleTable = {
  cycle_id: string;
  iso3: string;
  planned_for: DateColumn;
  due_on: DateColumn;
  brought_forward_reason: string | null;
};

type ReviewsTable = ProtectedColumns & {
  id: Generated<string>;
  cycle_id: string | null;
  iso3: string;
  framework_id: string;
  title: string;
  status: Generated<string>;
  findings: Generated<string>;
  evidence: Json;
  evidence_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_by: string | null;
  submitted_at: Date | null;
  adopted_by: string | null;
  adopted_at: Date | null;
};

type ReviewAssessmentsTable = {
  review_id: string;
  factor_code: string;
  level: string;
  trend: string;
  confidence: string;
  evidence_links: Json;
  note: Generated<string>;
  assessed_by: string | null;
  assessed_at: Timestamp;
};

type ReviewRecommendationsTable = {
  id: Generated<string>;
  review_id: string;
  iso3: string;
  body: string;
  addressed_to: string;
  recommended_by: string;
  response: Generated<string>;
  responded_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
};

type RecommendationFollowUpsTable = {
  id: Generated<string>;
  recommendation_id: string;
  review_id: string | null;
  implementation: string;
  note: Generated<string>;
  recorded_by: string | null;
  recorded_at: Date;
  seq: Generated<string>;
};

export type ReviewTables = {
  review_cycles: ReviewCyclesTable;
  review_schedule: ReviewScheduleTable;
  reviews: ReviewsTable;
  review_assessments: ReviewAssessmentsTable;
  review_recommendations: ReviewRecommendationsTable;
  recommendation_follow_ups: RecommendationFollowUpsTable;
};
