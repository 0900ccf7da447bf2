import type { Db } from "../../db/types.ts";
import { failInterruptedRuns } from "../../repositories/warning/interrupted-runs.repository.ts";

/**
 * At start-up, before new model jobs queue: runs left "running" by a process that stopped are closed as
 * failed, so the pages and the API stop showing them in progress and a new run can be asked for.
 */
export const closeInterruptedRuns = (db: Db): Promise<number> => failInterruptedRuns(db);
