import type { ServiceContext } from "../shared/context.ts";
import type { ImportReport } from "./import-report.ts";

type DatasetImportedListener = (ctx: ServiceContext, report: ImportReport) => Promise<unknown>;

const listeners = new Set<DatasetImportedListener>();

/**
 * Other capabilities react to new data here (the forecaster queues a run) without the import knowing them.
 * Returns the function that unsubscribes.
 */
export const onDatasetImported = (listener: DatasetImportedListener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Tells every listener about a finished import; a listener's failure never undoes or fails the import. */
export const datasetImported = async (ctx: ServiceContext, report: ImportReport): Promise<void> => {
  for (const listener of listeners) {
    try {
      await listener(ctx, report);
    } catch {
      // The import stands; the listener records its own failure (a failed forecast run, for instance).
    }
  }
};
