import { z } from "zod";
import { ZIso3, ZShareRecord } from "../../core/analyses/analysis.schemas.ts";
import {
  ZCreatePlan,
  ZCreateScenario,
  ZPlan,
  ZScenario,
  ZUpdateScenario,
} from "../../core/scenarios/scenario.schemas.ts";
import { shareRecord } from "../../services/access/share-record.ts";
import { createPlan } from "../../services/scenarios/create-plan.ts";
import { createScenario } from "../../services/scenarios/create-scenario.ts";
import { deleteScenario } from "../../services/scenarios/delete-scenario.ts";
import { getPlan, getScenario, listPlans, listScenarios } from "../../services/scenarios/read-scenarios.ts";
import { updateScenario } from "../../services/scenarios/update-scenario.ts";
import { contextOf } from "../context.ts";
import { presentPlan, presentScenario } from "../presenters/scenario.presenter.ts";
import { errorResponses, ZIdParams } from "../schemas.ts";
import type { AppRoutes } from "./types.ts";

const ZShared = z.object({ sharedWith: z.array(z.uuid()) });

export const scenarioRoutes: AppRoutes = (app, deps) => {
  app.get(
    "/api/scenarios",
    {
      schema: {
        tags: ["scenarios"],
        summary: "Scenarios you are cleared to read (search with q)",
        querystring: z.object({ iso3: ZIso3.optional(), q: z.string().max(200).optional() }),
        response: { 200: z.array(ZScenario), ...errorResponses },
      },
    },
    async (request) =>
      (
        await listScenarios(contextOf(deps, request), { iso3: request.query.iso3, search: request.query.q })
      ).map(presentScenario),
  );

  app.post(
    "/api/scenarios",
    {
      schema: {
        tags: ["scenarios"],
        summary: "Write a scenario (confidential by default)",
        body: ZCreateScenario,
        response: { 201: ZScenario, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentScenario(await createScenario(contextOf(deps, request), request.body))),
  );

  app.get(
    "/api/scenarios/plans",
    {
      schema: {
        tags: ["scenarios"],
        summary: "Contingency plans you are cleared to read",
        querystring: z.object({
          iso3: ZIso3.optional(),
          q: z.string().max(200).optional(),
          scenarioId: z.uuid().optional(),
        }),
        response: { 200: z.array(ZPlan), ...errorResponses },
      },
    },
    async (request) =>
      (
        await listPlans(contextOf(deps, request), {
          iso3: request.query.iso3,
          search: request.query.q,
          scenarioId: request.query.scenarioId,
        })
      ).map(presentPlan),
  );

  app.post(
    "/api/scenarios/plans",
    {
      schema: {
        tags: ["scenarios"],
        summary: "Write a contingency plan (confidential by default)",
        body: ZCreatePlan,
        response: { 201: ZPlan, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentPlan(await createPlan(contextOf(deps, request), request.body))),
  );

  app.get(
    "/api/scenarios/plans/:id",
    {
      schema: {
        tags: ["scenarios"],
        summary: "One contingency plan",
        params: ZIdParams,
        response: { 200: ZPlan, ...errorResponses },
      },
    },
    async (request) => presentPlan(await getPlan(contextOf(deps, request), request.params.id)),
  );

  app.put(
    "/api/scenarios/plans/:id/shares",
    {
      schema: {
        tags: ["scenarios"],
        summary: "Share a contingency plan with named organisations (replaces the list)",
        params: ZIdParams,
        body: ZShareRecord,
        response: { 200: ZShared, ...errorResponses },
      },
    },
    async (request) => ({
      sharedWith: await shareRecord(
        contextOf(deps, request),
        "contingency_plans",
        request.params.id,
        request.body.orgIds,
        "scenario.write",
      ),
    }),
  );

  app.get(
    "/api/scenarios/:id",
    {
      schema: {
        tags: ["scenarios"],
        summary: "One scenario",
        params: ZIdParams,
        response: { 200: ZScenario, ...errorResponses },
      },
    },
    async (request) => presentScenario(await getScenario(contextOf(deps, request), request.params.id)),
  );

  app.patch(
    "/api/scenarios/:id",
    {
      schema: {
        tags: ["scenarios"],
        summary: "Change a scenario",
        params: ZIdParams,
        body: ZUpdateScenario,
        response: { 200: ZScenario, ...errorResponses },
      },
    },
    async (request) =>
      presentScenario(await updateScenario(contextOf(deps, request), request.params.id, request.body)),
  );

  app.delete(
    "/api/scenarios/:id",
    {
      schema: {
        tags: ["scenarios"],
        summary: "Delete a scenario",
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteScenario(contextOf(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    "/api/scenarios/:id/shares",
    {
      schema: {
        tags: ["scenarios"],
        summary: "Share a scenario with named organisations (replaces the list)",
        params: ZIdParams,
        body: ZShareRecord,
        response: { 200: ZShared, ...errorResponses },
      },
    },
    async (request) => ({
      sharedWith: await shareRecord(
        contextOf(deps, request),
        "scenarios",
        request.params.id,
        request.body.orgIds,
        "scenario.write",
      ),
    }),
  );
};
