import { authorize } from "../../core/access/policies.ts";
import type { DatabaseHandle } from "../../db/engine.ts";
import type { ServiceContext } from "../shared/context.ts";
import { dataContextFor } from "./data-context.ts";
import { datasetImported } from "./dataset-events.ts";
import { type ImportDatasetInput, type ImportReport, importDataset } from "./import-dataset.ts";

/**
 * `importDataset` on behalf of a person (API, CLI): only roles granted `data.import` may replace the
 * reference data everyone's analysis rests on. The import itself is audited as that person.
 */
export const importDatasetAs = async (
  ctx: ServiceContext,
  handle: DatabaseHandle,
  input: ImportDatasetInput,
): Promise<ImportReport> => {
  authorize(ctx.actor, "data.import");
  const report = await importDataset(dataContextFor(ctx, handle), input);
  await datasetImported(ctx, report);
  return report;
};
