import { z } from "zod";
import { ZExportFormat } from "../../core/data/data.schemas.ts";
import { errorResponses } from "../schemas.ts";

/** Query parts shared by the conflict-data routes. */
export const dataTags = ["conflict data"];
export const MAX_EXPORT_ROWS = 100_000;
export const dataset = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*(,[a-z0-9][a-z0-9-]*)*$/)
  .transform((s) => s.split(","))
  .optional()
  .describe(
    "dataset ids separated by commas (default: the reference dataset of the kind: views-cm, ucdp-ged, ucdp-acd)",
  );
export const format = z.object({ format: ZExportFormat.default("csv") });
export const fileResponse = {
  200: z.string().describe("the file (CSV, HXL CSV or GeoJSON)"),
  ...errorResponses,
};
