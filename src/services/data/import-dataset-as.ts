import type { DatabaseHandle } from "../../db/engine.ts";
import type { ServiceContext } from "../shared/context.ts";
import { dataContextFor } from "./data-context.ts";
import { datasetImported } from "./dataset-events.ts";
import { defaultDatasetId, type ImportDatasetInput, importDataset } from "./import-dataset.ts";
import type { ImportReport } from "./import-report.ts";
import { assertMayImportInto } from "./shared-datasets.ts";

/**
 * `importDataset` on behalf of a person (API, CLI): roles granted `data.import` import into their own datasets,
 * platform administrators also into the ones every organisation reads. Audited as that person.
 */
export const importDatasetAs = async (
  ctx: ServiceContext,
  handle: DatabaseHandle,
  input: ImportDatasetInput,
): Promise<ImportReport> => {
  await assertMayImportInto(ctx.db, ctx.actor, input.datasetId ?? defaultDatasetId(input.kind, input.file));
  const report = await importDataset(dataContextFor(ctx, handle), input);
  await datasetImported(ctx, report);
  return report;
};
