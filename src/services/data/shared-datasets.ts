import type { Actor } from "../../core/access/actor.ts";
import { authorize, can } from "../../core/access/policies.ts";
import { referenceDatasetIds } from "../../core/data/reference-datasets.ts";
import { forbidden } from "../../core/shared/errors.ts";
import { readBundledCatalogue } from "./bundled-catalogue.ts";

let shared: ReadonlySet<string> | undefined;

/**
 * The datasets every organisation reads: the bundled ones and the reference series. The forecast reads only
 * these, and only platform administrators import into them; anyone cleared to import keeps their own files
 * under other dataset ids.
 */
export const sharedDatasetIds = (): ReadonlySet<string> => {
  shared ??= new Set([...referenceDatasetIds, ...readBundledCatalogue().map((entry) => entry.id)]);
  return shared;
};

export const assertMayImportInto = (actor: Actor, datasetId: string): void => {
  authorize(actor, "data.import");
  if (sharedDatasetIds().has(datasetId) && !can(actor, "data.curate"))
    throw forbidden(
      `Every organisation reads ${datasetId}: only a platform administrator imports into it. Choose another dataset id to keep your own copy.`,
    );
};
