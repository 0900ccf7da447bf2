import type { Db } from "../../db/types.ts";
import {
  type DatasetRow,
  dataTableCounts,
  fullThrough,
  listDatasets,
  listReplacements,
  type ReplacementRow,
} from "../../repositories/data/datasets.repository.ts";

export type DatasetStatus = Omit<DatasetRow, "coverage"> & {
  coverage: unknown;
  replacements: ReplacementRow[];
  /** Country-month datasets: the latest month nearly every country has (`fullThrough`). */
  fullThrough: string | null;
};

export type DataStatus = {
  initialised: boolean;
  datasets: DatasetStatus[];
  tables: Record<string, number>;
};

/**
 * The dataset catalogue as loaded: versions, row counts, spans, licences, citations and replacement history;
 * `only` keeps the datasets a signed-in person reads (the operator's CLI lists all, unless acting `--as` someone).
 */
export const dataStatus = async (db: Db, only?: ReadonlySet<string>): Promise<DataStatus> => {
  const [datasets, replacements, tables, full] = await Promise.all([
    listDatasets(db),
    listReplacements(db),
    dataTableCounts(db, only && [...only]),
    fullThrough(db),
  ]);
  return {
    initialised: datasets.length > 0,
    datasets: datasets
      .filter((d) => !only || only.has(d.id))
      .map((d) => ({
        ...d,
        replacements: replacements.filter((r) => r.datasetId === d.id),
        fullThrough: full.get(d.id) ?? null,
      })),
    tables,
  };
};
