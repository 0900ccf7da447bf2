import { canReadDataset } from "../../core/access/policies.ts";
import { datasetsToRead, type referenceDatasets } from "../../core/data/reference-datasets.ts";
import { notFound } from "../../core/shared/errors.ts";
import { listDatasets } from "../../repositories/data/datasets.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** The ids of the datasets the actor reads: the shared ones and their own organisation's. */
export const readableDatasetIds = async (ctx: ServiceContext): Promise<Set<string>> =>
  new Set((await listDatasets(ctx.db)).filter((d) => canReadDataset(ctx.actor, d)).map((d) => d.id));

/**
 * The datasets a query reads: those named, each of which the actor must be able to read (another
 * organisation's reads as one that does not exist), or the shared reference dataset of the kind.
 */
export const datasetsToQuery = async (
  ctx: ServiceContext,
  named: readonly string[] | undefined,
  kind?: keyof typeof referenceDatasets,
): Promise<string[]> => {
  if (named?.length) {
    const readable = await readableDatasetIds(ctx);
    const hidden = named.find((id) => !readable.has(id));
    if (hidden) throw notFound(`Dataset ${hidden}`);
  }
  return datasetsToRead(named, kind);
};
