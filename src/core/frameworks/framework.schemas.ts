import { z } from "zod";
import { ZLanguage } from "../shared/languages.ts";

/**
 * A name in other languages, by language code; where one is missing, the framework's own text stands.
 * Only names are translated: descriptions, indicators and guidance stay in the framework's language.
 */
export const ZTranslations = z.partialRecord(ZLanguage, z.string().trim().min(3).max(300));
export type TTranslations = z.infer<typeof ZTranslations>;

/** A name in the reader's language where the framework gives one. */
export const translated = (text: string, translations: TTranslations | undefined, language: string): string =>
  translations?.[language as keyof TTranslations] ?? text;

const ZFrameworkIndicator = z.object({
  code: z.string().trim().min(1).max(20),
  text: z.string().trim().min(3).max(2000),
});

/** Categories of the UN framework; other frameworks may use their own words. */
const ZFrameworkFactor = z.object({
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(3).max(300),
  translations: ZTranslations.default({}),
  category: z.string().trim().min(1).max(60),
  description: z.string().max(4000).default(""),
  indicators: z.array(ZFrameworkIndicator).max(100).default([]),
  guidance: z.string().max(8000).default(""),
});
export type TFrameworkFactor = z.infer<typeof ZFrameworkFactor>;

/** Factor codes identify assessments across versions, so they must be unique within a framework. */
const ZFrameworkFactors = z
  .array(ZFrameworkFactor)
  .min(1)
  .max(100)
  .superRefine((factors, ctx) => {
    const seen = new Set<string>();
    factors.forEach((factor, index) => {
      if (seen.has(factor.code))
        ctx.addIssue({
          code: "custom",
          path: [index, "code"],
          message: `duplicate factor code ${factor.code}`,
        });
      seen.add(factor.code);
    });
  });

export const ZCreateFramework = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens, e.g. ecowas-ecowarn")
    .max(80),
  version: z.string().trim().min(1).max(40),
  title: z.string().trim().min(3).max(300),
  titleTranslations: ZTranslations.default({}),
  description: z.string().max(4000).default(""),
  source: z.string().max(2000).default(""),
  isDefault: z.boolean().default(false),
  factors: ZFrameworkFactors,
});
export type TCreateFramework = z.input<typeof ZCreateFramework>;

export const ZUpdateFramework = z
  .object({
    title: z.string().trim().min(3).max(300),
    titleTranslations: ZTranslations,
    description: z.string().max(4000),
    source: z.string().max(2000),
    isDefault: z.literal(true),
    factors: ZFrameworkFactors,
  })
  .partial();
export type TUpdateFramework = z.input<typeof ZUpdateFramework>;

export const ZFramework = z.object({
  id: z.uuid(),
  slug: z.string(),
  version: z.string(),
  title: z.string(),
  titleTranslations: ZTranslations,
  description: z.string(),
  source: z.string(),
  isDefault: z.boolean(),
  factors: z.array(ZFrameworkFactor),
  updatedAt: z.string(),
});
export type TFramework = z.infer<typeof ZFramework>;

export const ZFrameworkSummary = ZFramework.omit({ factors: true }).extend({ factorCount: z.number() });
export type TFrameworkSummary = z.infer<typeof ZFrameworkSummary>;
