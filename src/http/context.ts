import type { FastifyRequest } from "fastify";
import type { Db } from "../db/types.ts";
import type { ServiceContext } from "../services/shared/context.ts";
import { requireActor } from "./plugins/authentication.ts";

/** What every route needs from the server: the database and the clock (tests replace the clock). */
export type AppDeps = { db: Db; now: () => Date };

export const contextOf = (deps: AppDeps, request: FastifyRequest): ServiceContext => {
  const actor = requireActor(request);
  return { db: deps.db, actor, via: "api", actorLabel: actor.email, now: deps.now };
};
