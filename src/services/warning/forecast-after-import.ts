import type { TStartForecastRun } from "../../core/warning/warning.schemas.ts";
import { onDatasetImported } from "../data/dataset-events.ts";
import type { ImportReport } from "../data/import-report.ts";
import { sharedDatasetIds } from "../data/shared-datasets.ts";
import type { ServiceContext } from "../shared/context.ts";
import { type ForecastRunStarted, startForecastRun } from "./run-forecast.ts";

/** Imports whose data the forecaster reads: new conflict series, conflicts, agreements or indicators. */
const forecastKinds = new Set(["views-cm", "ged", "acd", "peace-agreements", "indicators"]);

type AfterImportOptions = Pick<TStartForecastRun, "maxHorizon" | "options" | "publish">;

/**
 * When an import added or replaced data the model reads, queues a forecast run from the latest
 * month with data (trigger "import"). Returns null when the import changes nothing the forecast reads.
 */
export const forecastAfterImport = async (
  ctx: ServiceContext,
  report: Pick<
    ImportReport,
    "ok" | "status" | "kind" | "datasetId" | "rowsAdded" | "rowsRemoved" | "rowsChanged"
  >,
  settings: AfterImportOptions = {},
): Promise<ForecastRunStarted | null> => {
  if (!report.ok || !forecastKinds.has(report.kind) || !sharedDatasetIds().has(report.datasetId)) return null;
  if (report.status === "unchanged" || report.status === "rejected") return null;
  // An older file imported again in update mode changes no row: nothing the forecast reads is new.
  if (report.rowsAdded + report.rowsRemoved + report.rowsChanged === 0) return null;
  return startForecastRun(ctx, { trigger: "import", ...settings });
};

/**
 * Subscribes forecasting to imports for the life of a server (or a CLI import asked to forecast): every
 * successful import of data the model reads queues a run. Returns the function that unsubscribes.
 */
export const forecastOnEveryImport = (
  settings: AfterImportOptions = {},
  onStarted: (started: ForecastRunStarted) => void = () => {},
): (() => void) =>
  onDatasetImported(async (ctx, report) => {
    const started = await forecastAfterImport(ctx, report, settings);
    if (started) onStarted(started);
  });
