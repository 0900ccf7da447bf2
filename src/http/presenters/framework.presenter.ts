import type { TFramework, TFrameworkSummary } from "../../core/frameworks/framework.schemas.ts";
import type { FrameworkRow } from "../../repositories/frameworks.repository.ts";

export const presentFramework = (framework: FrameworkRow): TFramework => ({
  id: framework.id,
  slug: framework.slug,
  version: framework.version,
  title: framework.title,
  titleTranslations: framework.titleTranslations,
  description: framework.description,
  source: framework.source,
  isDefault: framework.isDefault,
  factors: framework.factors,
  updatedAt: framework.updatedAt.toISOString(),
});

export const presentFrameworkSummary = (framework: FrameworkRow): TFrameworkSummary => {
  const { factors, ...rest } = presentFramework(framework);
  return { ...rest, factorCount: factors.length };
};
