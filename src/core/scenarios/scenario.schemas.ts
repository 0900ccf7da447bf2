import { z } from "zod";
import { ZClearance } from "../access/vocabulary.ts";
import { ZIso3 } from "../analyses/analysis.schemas.ts";

export const likelihoods = ["unlikely", "possible", "likely", "very_likely"] as const;
export const impacts = ["limited", "moderate", "major", "catastrophic"] as const;

const ZItems = z.array(z.string().trim().min(1).max(1000)).max(50);

/** Closed-door analysis: confidential unless the author chooses otherwise. */
export const ZCreateScenario = z.object({
  iso3: ZIso3,
  title: z.string().trim().min(3).max(300),
  narrative: z.string().max(50_000).default(""),
  triggers: ZItems.default([]),
  likelihood: z.enum(likelihoods),
  impact: z.enum(impacts),
  indicatorsToWatch: ZItems.default([]),
  horizonMonths: z.number().int().min(1).max(60).nullable().default(null),
  clearance: ZClearance.default("confidential"),
});
export type TCreateScenario = z.input<typeof ZCreateScenario>;

export const ZUpdateScenario = z
  .object({
    title: z.string().trim().min(3).max(300),
    narrative: z.string().max(50_000),
    triggers: ZItems,
    likelihood: z.enum(likelihoods),
    impact: z.enum(impacts),
    indicatorsToWatch: ZItems,
    horizonMonths: z.number().int().min(1).max(60).nullable(),
    clearance: ZClearance,
  })
  .partial();

const ZPlanAction = z.object({
  action: z.string().trim().min(2).max(2000),
  actor: z.string().trim().min(2).max(300),
  timeline: z.string().max(300).default(""),
});

export const ZCreatePlan = z.object({
  iso3: ZIso3,
  scenarioId: z.uuid().nullable().default(null),
  title: z.string().trim().min(3).max(300),
  objective: z.string().max(20_000).default(""),
  activation: z.string().max(20_000).default(""),
  actions: z.array(ZPlanAction).max(100).default([]),
  clearance: ZClearance.default("confidential"),
});
export type TCreatePlan = z.input<typeof ZCreatePlan>;

export const ZScenario = z.object({
  id: z.uuid(),
  iso3: z.string(),
  title: z.string(),
  narrative: z.string(),
  triggers: z.array(z.string()),
  likelihood: z.enum(likelihoods),
  impact: z.enum(impacts),
  indicatorsToWatch: z.array(z.string()),
  horizonMonths: z.number().nullable(),
  clearance: ZClearance,
  ownerOrgId: z.uuid(),
  sharedWith: z.array(z.uuid()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TScenario = z.infer<typeof ZScenario>;

export const ZPlan = z.object({
  id: z.uuid(),
  iso3: z.string(),
  scenarioId: z.uuid().nullable(),
  title: z.string(),
  objective: z.string(),
  activation: z.string(),
  actions: z.array(z.object({ action: z.string(), actor: z.string(), timeline: z.string() })),
  clearance: ZClearance,
  ownerOrgId: z.uuid(),
  sharedWith: z.array(z.uuid()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPlan = z.infer<typeof ZPlan>;
