import type { Db } from "../../db/types.ts";
import { databaseAnswers } from "../../repositories/health.repository.ts";

/** Liveness as a load balancer reads it: the server is of use only while its database answers. */
export const checkHealth = async (db: Db): Promise<"ok" | "unavailable"> =>
  (await databaseAnswers(db)) ? "ok" : "unavailable";
