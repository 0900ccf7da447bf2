import type { ImportReport } from "../data/import-dataset.ts";
import type { ServiceContext } from "../shared/context.ts";
import { type ForecastRunStarted, startForecastRun } from "./run-forecast.ts";

/** Imports whose data the forecaster reads: new conflict series mean new forecasts. */
const forecastKinds = new Set(["views-cm", "ged"]);

/**
 * Called after an import finishes: when it added or replaced a conflict series the model reads, queues a
 * forecast run from the latest month with data (trigger "import"). Returns null when nothing changed.
 */
export const forecastAfterImport = async (
  ctx: ServiceContext,
  report: Pick<ImportReport, "ok" | "status" | "kind">,
): Promise<ForecastRunStarted | null> => {
  if (!report.ok || !forecastKinds.has(report.kind)) return null;
  if (report.status !== "created" && report.status !== "replaced") return null;
  return startForecastRun(ctx, { trigger: "import" });
};
