import type { Actor } from "../../core/access/actor.ts";
import { authorize, can } from "../../core/access/policies.ts";
import { referenceDatasetIds } from "../../core/data/reference-datasets.ts";
import { forbidden } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import { readBundledCatalogue } from "../../repositories/data/bundled-catalogue.ts";
import { findDataset } from "../../repositories/data/datasets.repository.ts";

let shared: ReadonlySet<string> | undefined;

/** The datasets that ship with Continuum and are loaded on first start. */
export const bundledDatasetIds = (): ReadonlySet<string> =>
  new Set(readBundledCatalogue().map((entry) => entry.id));

/**
 * The datasets every organisation reads: the bundled ones and the reference series. The forecast reads only
 * these, and only platform administrators import into them; anyone cleared to import keeps their own files
 * under other dataset ids.
 */
export const sharedDatasetIds = (): ReadonlySet<string> => {
  shared ??= new Set([...referenceDatasetIds, ...bundledDatasetIds()]);
  return shared;
};

/**
 * Who imports into a dataset: the platform's curators into any; others into a new id, which becomes their
 * organisation's, or into one their organisation created. Another organisation's copy is not theirs to replace.
 */
export const assertMayImportInto = async (db: Db, actor: Actor, datasetId: string): Promise<void> => {
  authorize(actor, "data.import");
  if (can(actor, "data.curate")) return;
  if (sharedDatasetIds().has(datasetId))
    throw forbidden(
      `Every organisation reads ${datasetId}: only a platform administrator imports into it. Choose another dataset id to keep your own copy.`,
    );
  const existing = await findDataset(db, datasetId);
  if (existing && existing.ownerOrgId !== actor.orgId)
    throw forbidden(
      `${datasetId} belongs to another organisation. Choose another dataset id to keep your own copy.`,
    );
};
