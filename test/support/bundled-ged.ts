import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import Papa from "papaparse";
import { BUNDLED_DATA_DIR } from "../../src/repositories/data/bundled-catalogue.ts";

/**
 * The bundled UCDP GED events file, parsed here independently of the import: expected figures come from the
 * source itself, and bad files are made by editing its rows.
 */
export const GED_FILE = join(BUNDLED_DATA_DIR, "ucdp_ged_events/ged_events_4countries_1989_2019.csv.gz");

/** Every row of the file as cells, the header first. */
export const gedRows: readonly string[][] = Papa.parse<string[]>(
  gunzipSync(readFileSync(GED_FILE)).toString("utf8"),
  { skipEmptyLines: true },
).data;

export const gedHeader: readonly string[] = gedRows[0] ?? [];

/** The index of a named column. */
export const gedColumn = (name: string): number => gedHeader.indexOf(name);
