import { z } from "zod";
import {
  ZAnalysis,
  ZCreateAnalysis,
  ZIso3,
  ZShareRecord,
  ZUpdateAnalysis,
} from "../../core/analyses/analysis.schemas.ts";
import { shareRecord } from "../../services/access/share-record.ts";
import { deleteAnalysis, updateAnalysis } from "../../services/analyses/change-analysis.ts";
import { createAnalysis } from "../../services/analyses/create-analysis.ts";
import { getAnalysis, listAnalyses } from "../../services/analyses/read-analyses.ts";
import { contextOf } from "../context.ts";
import { presentAnalysis } from "../presenters/analysis.presenter.ts";
import { errorResponses, ZIdParams } from "../schemas.ts";
import type { AppRoutes } from "./types.ts";

export const analysisRoutes: AppRoutes = (app, deps) => {
  app.get(
    "/api/analyses",
    {
      schema: {
        tags: ["analyses"],
        summary: "Country analyses you are cleared to read",
        querystring: z.object({ iso3: ZIso3.optional(), q: z.string().max(200).optional() }),
        response: { 200: z.array(ZAnalysis), ...errorResponses },
      },
    },
    async (request) =>
      (
        await listAnalyses(contextOf(deps, request), { iso3: request.query.iso3, search: request.query.q })
      ).map(presentAnalysis),
  );

  app.post(
    "/api/analyses",
    {
      schema: {
        tags: ["analyses"],
        summary: "Write an analysis",
        body: ZCreateAnalysis,
        response: { 201: ZAnalysis, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentAnalysis(await createAnalysis(contextOf(deps, request), request.body))),
  );

  app.get(
    "/api/analyses/:id",
    {
      schema: {
        tags: ["analyses"],
        summary: "One analysis",
        params: ZIdParams,
        response: { 200: ZAnalysis, ...errorResponses },
      },
    },
    async (request) => presentAnalysis(await getAnalysis(contextOf(deps, request), request.params.id)),
  );

  app.patch(
    "/api/analyses/:id",
    {
      schema: {
        tags: ["analyses"],
        summary: "Change an analysis",
        params: ZIdParams,
        body: ZUpdateAnalysis,
        response: { 200: ZAnalysis, ...errorResponses },
      },
    },
    async (request) =>
      presentAnalysis(await updateAnalysis(contextOf(deps, request), request.params.id, request.body)),
  );

  app.delete(
    "/api/analyses/:id",
    {
      schema: {
        tags: ["analyses"],
        summary: "Delete an analysis",
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteAnalysis(contextOf(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    "/api/analyses/:id/shares",
    {
      schema: {
        tags: ["analyses"],
        summary: "Share an analysis with named organisations (replaces the list)",
        params: ZIdParams,
        body: ZShareRecord,
        response: { 200: z.object({ sharedWith: z.array(z.uuid()) }), ...errorResponses },
      },
    },
    async (request) => ({
      sharedWith: await shareRecord(
        contextOf(deps, request),
        "analyses",
        request.params.id,
        request.body.orgIds,
        "analysis.write",
      ),
    }),
  );
};
