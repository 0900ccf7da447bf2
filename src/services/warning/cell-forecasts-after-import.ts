import { referenceDatasets } from "../../core/data/reference-datasets.ts";
import type { Db } from "../../db/types.ts";
import { systemContext } from "../alerts/system-context.ts";
import { onDatasetImported } from "../data/dataset-events.ts";
import type { ImportReport } from "../data/import-report.ts";
import { type CellForecastOutcome, forecastCellsEverywhere } from "./forecast-cells-everywhere.ts";

type ImportOutcome = Pick<
  ImportReport,
  "ok" | "status" | "kind" | "datasetId" | "rowsAdded" | "rowsRemoved" | "rowsChanged"
>;

/** Only new or changed rows of the reference GED dataset change what the cell model learns from. */
export const changesCellEvents = (report: ImportOutcome): boolean =>
  report.ok &&
  report.kind === "ged" &&
  report.datasetId === referenceDatasets.events &&
  report.status !== "unchanged" &&
  report.status !== "rejected" &&
  report.rowsAdded + report.rowsRemoved + report.rowsChanged > 0;

/**
 * After an import that changed the GED events, forecasts every country's cells again, as "system": the
 * import's author asked for new data, not for a run. Null when the import changes no event.
 */
export const cellForecastsAfterImport = async (
  db: Db,
  report: ImportOutcome,
  now: () => Date = () => new Date(),
): Promise<CellForecastOutcome[] | null> => {
  if (!changesCellEvents(report)) return null;
  const ctx = await systemContext(db, now, "cell forecasts after a GED import");
  if (!ctx) throw new Error("no administrator to run the cell forecasts as");
  return forecastCellsEverywhere(ctx);
};

/**
 * Subscribes cell forecasting to imports for the life of a server. The import does not wait for it: the
 * trainings queue behind the country forecast the same import starts, which takes minutes.
 */
export const cellForecastsOnEveryImport = (
  onDone: (outcome: { outcomes: CellForecastOutcome[] } | { error: unknown }) => void,
): (() => void) =>
  onDatasetImported(async (ctx, report) => {
    cellForecastsAfterImport(ctx.db, report, ctx.now).then(
      (outcomes) => outcomes && onDone({ outcomes }),
      (error: unknown) => onDone({ error }),
    );
  });
