import type { DatabaseHandle } from "../db/engine.ts";
import { systemDataContext } from "../services/data/data-context.ts";
import { type InitialiseResult, initialiseBundledData } from "../services/data/initialise-bundled-data.ts";
import { progressReporter } from "./progress.ts";

/**
 * Imports the bundled conflict data into an empty database, showing progress; a database that already
 * has data is left alone, so `init` and `serve` can both call it on every start.
 */
export const loadBundledData = async (
  handle: DatabaseHandle,
  { quiet = false }: { quiet?: boolean } = {},
): Promise<InitialiseResult> => {
  const progress = quiet ? null : progressReporter("Importing bundled conflict data");
  try {
    const result = await initialiseBundledData(systemDataContext(handle), {
      onProgress: (done, total, label) => progress?.update(done, total, label),
    });
    return result;
  } finally {
    progress?.stop();
  }
};

export const describeBundledImport = (result: InitialiseResult): string =>
  result.status === "already_initialised"
    ? "The bundled conflict data is already imported."
    : `Imported the bundled conflict data in ${(result.durationMs / 1000).toFixed(1)} s: ${result.reports
        .map((r) => `${r.datasetId} ${r.rowCount} rows`)
        .join(", ")}.`;
