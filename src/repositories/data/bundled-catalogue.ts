import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The folder of the bundled datasets (data/bundled at the repository root). */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL("../../../data/bundled/", import.meta.url));

export type CatalogueEntry = {
  id: string;
  title: string;
  kind: string;
  files: string[];
  version: string;
  licence: string;
  licenceUrl?: string;
  citation: string;
  source: string;
};

let catalogue: readonly CatalogueEntry[] | undefined;

/** data/bundled/catalogue.json: the bundled datasets with licence, citation and source (read once: it ships with the code). */
export const readBundledCatalogue = (): readonly CatalogueEntry[] => {
  catalogue ??= (
    JSON.parse(readFileSync(`${BUNDLED_DATA_DIR}catalogue.json`, "utf8")) as { datasets: CatalogueEntry[] }
  ).datasets;
  return catalogue;
};
