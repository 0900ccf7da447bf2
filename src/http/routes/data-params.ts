import { z } from "zod";
import { ZExportFormat } from "../../core/data/data.schemas.ts";
import { invalid } from "../../core/shared/errors.ts";
import { errorResponses } from "../schemas.ts";

/** Query parts shared by the conflict-data routes. */
export const dataTags = ["conflict data"];
export const MAX_EXPORT_ROWS = 100_000;

/**
 * An export never stops short without saying so: a selection larger than an export takes is refused, with
 * what narrows it. `count` may be a lower bound ("more than").
 */
export const assertExportable = (count: number, what: string, atLeast = false): void => {
  if (count <= MAX_EXPORT_ROWS) return;
  const held = `${atLeast ? "more than " : ""}${(atLeast ? MAX_EXPORT_ROWS : count).toLocaleString("en")} ${what}`;
  throw invalid(
    `The selection holds ${held}; an export takes at most ${MAX_EXPORT_ROWS.toLocaleString("en")}. Narrow it by country, dates or dataset.`,
    [{ field: "query", message: `selects ${held}` }],
  );
};
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
