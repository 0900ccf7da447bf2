import { hasEnded } from "../../db/processes.ts";
import type { Db } from "../../db/types.ts";

const INTERRUPTED = "interrupted: the process running it stopped before it finished";

/**
 * Closes as failed the forecast and backtest runs still marked running whose process on this machine has
 * ended (a restart or a crash mid-run): otherwise they would show as running forever. Runs of processes on
 * other machines sharing a PostgreSQL server are left to those. Returns how many runs were closed.
 */
export const failInterruptedRuns = async (db: Db): Promise<number> => {
  let closed = 0;
  for (const table of ["forecast_runs", "backtest_runs"] as const) {
    const running = await db
      .selectFrom(table)
      .select(["id", "runner"])
      .where("status", "=", "running")
      .execute();
    const ended = running.filter((r) => r.runner === null || hasEnded(r.runner)).map((r) => r.id);
    if (ended.length === 0) continue;
    await db
      .updateTable(table)
      .set({ status: "failed", error: INTERRUPTED, finished_at: new Date(), progress: null })
      .where("id", "in", ended)
      .where("status", "=", "running")
      .execute();
    closed += ended.length;
  }
  return closed;
};
