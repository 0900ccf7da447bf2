/**
 * What a stored run was made from: the model's source code (hashed, so a changed model gets a new version)
 * and the versions of the datasets the panel was read from.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TDatasetVersion } from "../../core/warning/warning.schemas.ts";
import type { Db } from "../../db/types.ts";

const sourcesIn = (folder: string): URL[] =>
  readdirSync(fileURLToPath(new URL(folder, import.meta.url)))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => new URL(`${folder}${f}`, import.meta.url));

const modelSources = [
  ...sourcesIn("../../core/warning/"),
  new URL("../../services/warning/train-forecast-model.ts", import.meta.url),
  new URL("../../services/warning/forecast.ts", import.meta.url),
  new URL("../xgboost/xgboost.ts", import.meta.url),
];

const cellModelSources = [
  ...sourcesIn("../../core/warning/cells/"),
  new URL("../../services/warning/train-cell-model.ts", import.meta.url),
  new URL("../xgboost/xgboost.ts", import.meta.url),
];

const hashOf = (sources: URL[]): string => {
  const hash = createHash("sha256");
  for (const url of [...sources].sort((a, b) => a.href.localeCompare(b.href))) hash.update(readFileSync(url));
  return hash.digest("hex").slice(0, 12);
};

let cached: string | undefined;

/** `<model name>@<12 hex of the model's sources>`. */
export const modelVersion = (modelName: string): string => {
  cached ??= hashOf(modelSources);
  return `${modelName}@${cached}`;
};

let cachedCells: string | undefined;

/** The cell model's `cell-xgboost@<12 hex of its sources>`. */
export const cellModelVersion = (): string => {
  cachedCells ??= hashOf(cellModelSources);
  return `cell-xgboost@${cachedCells}`;
};

/** The datasets a forecast reads: conflict series, conflicts, agreements, indicators and the registry. */
export const panelDatasetVersions = async (
  db: Db,
  readable: ReadonlySet<string>,
): Promise<TDatasetVersion[]> =>
  db
    .selectFrom("datasets")
    .select(["id", "kind", "version"])
    .where("kind", "in", ["views-cm", "ged", "acd", "peace-agreements", "indicators", "registry"])
    .where((eb) => eb.or([eb("kind", "=", "registry"), eb("id", "in", [...readable])]))
    .orderBy("kind")
    .orderBy("id")
    .execute();
