import type { FastifyInstance } from "fastify";

/** Answers that may carry protected content: the API and the reporters' form (receipts, replies). */
const privatePaths = /^\/(api|report)(\/|\?|$)/;

/**
 * Protected answers (a revealed reporter, a confidential brief, a receipt's replies) must not stay in a shared
 * office computer's cache or a proxy's: they are marked `no-store`, unless a route chose its own caching.
 */
export const forbidCachingOfPrivateAnswers = (app: FastifyInstance): void => {
  app.addHook("onSend", async (request, reply) => {
    if (privatePaths.test(request.url) && !reply.hasHeader("cache-control"))
      reply.header("cache-control", "no-store");
  });
};
