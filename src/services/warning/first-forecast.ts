import type { Db } from "../../db/types.ts";
import { latestPublishedRun, listForecastRuns } from "../../repositories/warning/forecast-runs.repository.ts";
import { systemContext } from "../alerts/system-context.ts";
import { startForecastRun } from "./run-forecast.ts";

/**
 * The risk map should not stay empty: with data loaded and no published forecast (first start, or a start that
 * stopped before its forecast), the platform forecasts from what it holds, unless a run is already under way.
 * The audit log says "system", as for the alert jobs. Null when nothing needed starting.
 */
export const startFirstForecast = async (db: Db, now: () => Date) => {
  if (await latestPublishedRun(db)) return null;
  if ((await listForecastRuns(db, 20)).some((run) => run.status === "running")) return null;
  const ctx = await systemContext(db, now, "first forecast from the data held");
  if (!ctx) throw new Error("no administrator to run the first forecast as");
  return startForecastRun(ctx, { trigger: "import" });
};
