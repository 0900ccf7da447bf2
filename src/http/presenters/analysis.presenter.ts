import type { TAnalysis } from "../../core/analyses/analysis.schemas.ts";
import type { AnalysisView } from "../../services/analyses/analysis-view.ts";

export const presentAnalysis = (analysis: AnalysisView): TAnalysis => ({
  id: analysis.id,
  title: analysis.title,
  body: analysis.body,
  iso3: analysis.iso3,
  clearance: analysis.clearance,
  ownerOrgId: analysis.ownerOrgId,
  sharedWith: analysis.sharedWith,
  createdAt: analysis.createdAt.toISOString(),
  updatedAt: analysis.updatedAt.toISOString(),
});
