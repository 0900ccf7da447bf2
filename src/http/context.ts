import type { FastifyRequest } from "fastify";
import type { Db } from "../db/types.ts";
import type { ServiceContext } from "../services/shared/context.ts";
import { requireActor } from "./plugins/authentication.ts";

/** What every route needs from the server: the database and the clock (tests replace the clock). */
export type AppDeps = { db: Db; now: () => Date };

/**
 * The audit log's "who": the person, and the API token when a machine called with one, so that what a leaked
 * or misused token did can be told apart from what its owner did in the browser.
 */
const actorLabelOf = (request: FastifyRequest, email: string): string => {
  const token = request.auth?.token;
  return token ? `${email} (API token: ${token.name}, ${token.prefix}…)` : email;
};

export const contextOf = (deps: AppDeps, request: FastifyRequest): ServiceContext => {
  const actor = requireActor(request);
  return { db: deps.db, actor, via: "api", actorLabel: actorLabelOf(request, actor.email), now: deps.now };
};
