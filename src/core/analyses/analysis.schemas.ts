import { z } from "zod";
import { ZClearance } from "../access/vocabulary.ts";

export const ZIso3 = z.string().regex(/^[A-Z]{3}$/, "an ISO 3166-1 alpha-3 code in capitals, e.g. SYR");

const analysisFields = {
  title: z.string().trim().min(3).max(300),
  body: z.string().max(100_000),
  iso3: ZIso3,
  clearance: ZClearance,
};

/** A written country analysis: the simplest record under clearance, and the template later records follow. */
export const ZCreateAnalysis = z.object({
  ...analysisFields,
  body: analysisFields.body.default(""),
  iso3: analysisFields.iso3.optional(),
  clearance: analysisFields.clearance.default("restricted"),
});
export type TCreateAnalysis = z.input<typeof ZCreateAnalysis>;

/** Only the fields sent change: no defaults here, or a partial update would reset them. */
export const ZUpdateAnalysis = z.object(analysisFields).partial();

export const ZShareRecord = z.object({ orgIds: z.array(z.uuid()).max(100) });

export const ZAnalysis = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  iso3: z.string().nullable(),
  clearance: ZClearance,
  ownerOrgId: z.uuid(),
  sharedWith: z.array(z.uuid()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAnalysis = z.infer<typeof ZAnalysis>;
