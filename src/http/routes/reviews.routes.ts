import { z } from "zod";
import { ZIso3 } from "../../core/analyses/analysis.schemas.ts";
import {
  ZAssessmentInput,
  ZCreateCycle,
  ZCreateReview,
  ZCycle,
  ZRecommendation,
  ZRecommendationFollowUp,
  ZRecommendationInput,
  ZRecommendationResponse,
  ZReview,
  ZReviewDetail,
  ZReviewExport,
  ZReviewSettings,
  ZReviewStatus,
  ZReviewTransition,
  ZScheduleEntry,
  ZUpdateReview,
} from "../../core/reviews/review.schemas.ts";
import { ZLanguage } from "../../core/shared/languages.ts";
import { addRecommendation } from "../../services/reviews/add-recommendation.ts";
import { assessRiskFactor } from "../../services/reviews/assess-risk-factor.ts";
import { refreshEvidence, updateReview } from "../../services/reviews/change-review.ts";
import { changeReviewStatus } from "../../services/reviews/change-review-status.ts";
import { createReview } from "../../services/reviews/create-review.ts";
import { createReviewCycle } from "../../services/reviews/create-review-cycle.ts";
import { deleteRecommendation } from "../../services/reviews/delete-recommendation.ts";
import { exportReview } from "../../services/reviews/export-review.ts";
import { followUpRecommendation } from "../../services/reviews/follow-up-recommendation.ts";
import { getReviewSchedule } from "../../services/reviews/get-review-schedule.ts";
import { listReviewCycles } from "../../services/reviews/read-review-cycles.ts";
import { getReview, listReviews } from "../../services/reviews/read-reviews.ts";
import { refreshReviewSchedule } from "../../services/reviews/refresh-review-schedule.ts";
import { respondToRecommendation } from "../../services/reviews/respond-to-recommendation.ts";
import { getReviewSettings, setReviewSettings } from "../../services/reviews/review-settings.ts";
import { contextOf } from "../context.ts";
import {
  presentCycle,
  presentReview,
  presentReviewDetail,
  presentScheduleEntry,
} from "../presenters/review.presenter.ts";
import { presentReviewExport, renderReviewBrief } from "../presenters/review-export.presenter.ts";
import { errorResponses, ZIdParams } from "../schemas.ts";
import type { AppRoutes } from "./types.ts";

const conflictResponse = { 409: errorResponses[400] };

export const reviewRoutes: AppRoutes = (app, deps) => {
  const evidence = { minCellCount: deps.config.voices.minCellCount };
  app.get(
    "/api/reviews",
    {
      schema: {
        tags: ["reviews"],
        summary: "Country reviews (the Peacebuilding Audit)",
        querystring: z.object({
          iso3: ZIso3.optional(),
          status: ZReviewStatus.optional(),
          cycleId: z.uuid().optional(),
        }),
        response: { 200: z.array(ZReview), ...errorResponses },
      },
    },
    async (request) => (await listReviews(contextOf(deps, request), request.query)).map(presentReview),
  );

  app.post(
    "/api/reviews",
    {
      schema: {
        tags: ["reviews"],
        summary: "Open a review workspace for a country (gathers the evidence pack)",
        body: ZCreateReview,
        response: { 201: ZReviewDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentReviewDetail(await createReview(contextOf(deps, request), request.body, evidence))),
  );

  app.get(
    "/api/reviews/settings",
    {
      schema: {
        tags: ["reviews"],
        summary: "Cycle length and bring-forward thresholds",
        response: { 200: ZReviewSettings, ...errorResponses },
      },
    },
    async (request) => getReviewSettings(contextOf(deps, request)),
  );

  app.put(
    "/api/reviews/settings",
    {
      schema: {
        tags: ["reviews"],
        summary: "Change the cycle length and bring-forward thresholds (administrators)",
        body: ZReviewSettings,
        response: { 200: ZReviewSettings, ...errorResponses },
      },
    },
    async (request) => setReviewSettings(contextOf(deps, request), request.body),
  );

  app.get(
    "/api/reviews/cycles",
    {
      schema: {
        tags: ["reviews"],
        summary: "Review cycles",
        response: { 200: z.array(ZCycle), ...errorResponses },
      },
    },
    async (request) => (await listReviewCycles(contextOf(deps, request))).map(presentCycle),
  );

  app.post(
    "/api/reviews/cycles",
    {
      schema: {
        tags: ["reviews"],
        summary: "Open a cycle scheduling every country (administrators)",
        body: ZCreateCycle,
        response: { 201: ZCycle, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentCycle(await createReviewCycle(contextOf(deps, request), request.body))),
  );

  app.get(
    "/api/reviews/cycles/:id/schedule",
    {
      schema: {
        tags: ["reviews"],
        summary: "The cycle's schedule, countries brought forward first",
        params: ZIdParams,
        response: { 200: z.array(ZScheduleEntry), ...errorResponses },
      },
    },
    async (request) =>
      (await getReviewSchedule(contextOf(deps, request), request.params.id)).map(presentScheduleEntry),
  );

  app.post(
    "/api/reviews/cycles/:id/bring-forward",
    {
      schema: {
        tags: ["reviews"],
        summary:
          "Bring forward countries whose forecast risk or alerts crossed the threshold (administrators)",
        params: ZIdParams,
        response: { 200: z.array(ZScheduleEntry), ...errorResponses },
      },
    },
    async (request) =>
      (await refreshReviewSchedule(contextOf(deps, request), request.params.id)).map(presentScheduleEntry),
  );

  app.get(
    "/api/reviews/:id",
    {
      schema: {
        tags: ["reviews"],
        summary: "A review workspace: evidence pack, assessments, findings, recommendations",
        params: ZIdParams,
        response: { 200: ZReviewDetail, ...errorResponses },
      },
    },
    async (request) => presentReviewDetail(await getReview(contextOf(deps, request), request.params.id)),
  );

  app.patch(
    "/api/reviews/:id",
    {
      schema: {
        tags: ["reviews"],
        summary: "Change a review's title or findings",
        params: ZIdParams,
        body: ZUpdateReview,
        response: { 200: ZReviewDetail, ...errorResponses },
      },
    },
    async (request) =>
      presentReviewDetail(await updateReview(contextOf(deps, request), request.params.id, request.body)),
  );

  app.post(
    "/api/reviews/:id/evidence",
    {
      schema: {
        tags: ["reviews"],
        summary: "Gather the evidence pack again",
        params: ZIdParams,
        response: { 200: ZReviewDetail, ...errorResponses },
      },
    },
    async (request) =>
      presentReviewDetail(await refreshEvidence(contextOf(deps, request), request.params.id, evidence)),
  );

  app.put(
    "/api/reviews/:id/assessments/:factorCode",
    {
      schema: {
        tags: ["reviews"],
        summary: "Assess one risk factor: level, trend, confidence, evidence links",
        params: z.object({ id: z.uuid(), factorCode: z.string().min(1).max(20) }),
        body: ZAssessmentInput,
        response: { 200: ZReviewDetail, ...errorResponses },
      },
    },
    async (request) =>
      presentReviewDetail(
        await assessRiskFactor(
          contextOf(deps, request),
          request.params.id,
          request.params.factorCode,
          request.body,
        ),
      ),
  );

  app.post(
    "/api/reviews/:id/status",
    {
      schema: {
        tags: ["reviews"],
        summary: "Move a review: draft → in_review → adopted (or back to draft)",
        params: ZIdParams,
        body: ZReviewTransition,
        response: { 200: ZReviewDetail, ...conflictResponse, ...errorResponses },
      },
    },
    async (request) =>
      presentReviewDetail(
        await changeReviewStatus(contextOf(deps, request), request.params.id, request.body, evidence),
      ),
  );

  app.post(
    "/api/reviews/:id/recommendations",
    {
      schema: {
        tags: ["reviews"],
        summary: "Issue a recommendation addressed to a named actor",
        params: ZIdParams,
        body: ZRecommendationInput,
        response: { 201: ZRecommendation, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addRecommendation(contextOf(deps, request), request.params.id, request.body)),
  );

  app.delete(
    "/api/reviews/recommendations/:id",
    {
      schema: {
        tags: ["reviews"],
        summary: "Withdraw a recommendation of a review not yet adopted",
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteRecommendation(contextOf(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/reviews/recommendations/:id/response",
    {
      schema: {
        tags: ["reviews"],
        summary: "Record the addressee's response: supported or noted",
        params: ZIdParams,
        body: ZRecommendationResponse,
        response: { 200: ZRecommendation, ...errorResponses },
      },
    },
    async (request) => respondToRecommendation(contextOf(deps, request), request.params.id, request.body),
  );

  app.post(
    "/api/reviews/recommendations/:id/follow-up",
    {
      schema: {
        tags: ["reviews"],
        summary: "Follow up an earlier recommendation: not started, partial or full",
        params: ZIdParams,
        body: ZRecommendationFollowUp,
        response: { 200: ZRecommendation, ...conflictResponse, ...errorResponses },
      },
    },
    async (request) => followUpRecommendation(contextOf(deps, request), request.params.id, request.body),
  );

  app.get(
    "/api/reviews/:id/export",
    {
      schema: {
        tags: ["reviews"],
        summary: "Export a review as JSON or as a printable HTML brief (format=html)",
        params: ZIdParams,
        querystring: z.object({
          format: z.enum(["json", "html"]).default("json"),
          lang: ZLanguage.default("en").describe("language of the printable brief"),
        }),
        response: { 200: z.union([ZReviewExport, z.string()]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const data = presentReviewExport(await exportReview(contextOf(deps, request), request.params.id));
      if (request.query.format === "html")
        return reply
          .type("text/html; charset=utf-8")
          .serializer((payload: unknown) => String(payload))
          .send(renderReviewBrief(data, request.query.lang));
      return data;
    },
  );
};
