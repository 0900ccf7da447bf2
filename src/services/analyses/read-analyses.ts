import { notFound } from "../../core/shared/errors.ts";
import { findVisibleAnalysis, listVisibleAnalyses } from "../../repositories/analyses.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { type AnalysisView, withShares } from "./analysis-view.ts";

/** A record the actor may not see is reported as missing, never as forbidden: its existence stays secret. */
export const getAnalysis = async (ctx: ServiceContext, id: string): Promise<AnalysisView> => {
  const row = await findVisibleAnalysis(ctx.db, ctx.actor, id);
  if (!row) throw notFound("Analysis");
  const [view] = await withShares(ctx.db, [row]);
  if (!view) throw notFound("Analysis");
  return view;
};

export const listAnalyses = async (
  ctx: ServiceContext,
  filter: { iso3?: string | undefined; search?: string | undefined },
): Promise<AnalysisView[]> => withShares(ctx.db, await listVisibleAnalyses(ctx.db, ctx.actor, filter));
