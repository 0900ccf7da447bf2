import { z } from "zod";
import { ZClearance } from "../access/vocabulary.ts";

export const ZIso3 = z
  .string()
  .regex(/^[A-Z]{3}$/, "an ISO 3166-1 alpha-3 code in capitals, e.g. SYR");

/** A written country analysis: the simplest record under clearance, and the template later records follow. */
export const ZCreateAnalysis = z.object({
  title: z.string().trim().min(3).max(300),
  body: z.string().max(100_000).default(""),
  iso3: ZIso3.optional(),
  clearance: ZClearance.default("restricted"),
});
export type TCreateAnalysis = z.input<typeof ZCreateAnalysis>;

export const ZUpdateAnalysis = ZCreateAnalysis.partial();

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
