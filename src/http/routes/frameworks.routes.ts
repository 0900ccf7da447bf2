import { z } from "zod";
import {
  ZCreateFramework,
  ZFramework,
  ZFrameworkSummary,
  ZUpdateFramework,
} from "../../core/frameworks/framework.schemas.ts";
import { createFramework } from "../../services/frameworks/create-framework.ts";
import { getFramework, listFrameworks } from "../../services/frameworks/read-frameworks.ts";
import { updateFramework } from "../../services/frameworks/update-framework.ts";
import { contextOf } from "../context.ts";
import { presentFramework, presentFrameworkSummary } from "../presenters/framework.presenter.ts";
import { errorResponses, ZIdParams } from "../schemas.ts";
import type { AppRoutes } from "./types.ts";

export const frameworkRoutes: AppRoutes = (app, deps) => {
  app.get(
    "/api/frameworks",
    {
      schema: {
        tags: ["frameworks"],
        summary: "Risk-factor frameworks and their versions",
        response: { 200: z.array(ZFrameworkSummary), ...errorResponses },
      },
    },
    async (request) => (await listFrameworks(contextOf(deps, request))).map(presentFrameworkSummary),
  );

  app.get(
    "/api/frameworks/:id",
    {
      schema: {
        tags: ["frameworks"],
        summary: "One framework with its factors, indicators and guidance (id or `default`)",
        params: z.object({ id: z.union([z.uuid(), z.literal("default")]) }),
        response: { 200: ZFramework, ...errorResponses },
      },
    },
    async (request) => presentFramework(await getFramework(contextOf(deps, request), request.params.id)),
  );

  app.post(
    "/api/frameworks",
    {
      schema: {
        tags: ["frameworks"],
        summary: "Add a framework, or a new version of one (administrators)",
        body: ZCreateFramework,
        response: { 201: ZFramework, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentFramework(await createFramework(contextOf(deps, request), request.body))),
  );

  app.patch(
    "/api/frameworks/:id",
    {
      schema: {
        tags: ["frameworks"],
        summary: "Edit a framework or make it the default (administrators)",
        params: ZIdParams,
        body: ZUpdateFramework,
        response: { 200: ZFramework, ...errorResponses },
      },
    },
    async (request) =>
      presentFramework(await updateFramework(contextOf(deps, request), request.params.id, request.body)),
  );
};
