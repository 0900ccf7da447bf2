import { z } from "zod";
import { checkHealth } from "../../services/system/check-health.ts";
import type { AppRoutes } from "./types.ts";

export const systemRoutes: AppRoutes = (app, deps) => {
  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: {
        tags: ["system"],
        summary: "Liveness: ok only when the database answers",
        response: {
          200: z.object({ status: z.literal("ok") }),
          503: z.object({ status: z.literal("unavailable") }),
        },
      },
    },
    async (_request, reply) => {
      const status = await checkHealth(deps.db);
      return reply.code(status === "ok" ? 200 : 503).send({ status });
    },
  );
};
