import { z } from "zod";
import { ZMeasures } from "../../core/measures/measures.ts";
import { computeMeasures } from "../../services/measures/compute-measures.ts";
import { contextOf } from "../context.ts";
import { errorResponses } from "../schemas.ts";
import type { AppRoutes } from "./types.ts";

export const measureRoutes: AppRoutes = (app, deps) => {
  app.get(
    "/api/measures",
    {
      schema: {
        tags: ["measures"],
        summary:
          "Time from alert to acknowledgement, decision and action per desk and severity; recommendation implementation per cycle",
        querystring: z.object({ since: z.iso.datetime().optional() }),
        response: { 200: ZMeasures, ...errorResponses },
      },
    },
    async (request) =>
      computeMeasures(contextOf(deps, request), {
        since: request.query.since ? new Date(request.query.since) : undefined,
      }),
  );
};
