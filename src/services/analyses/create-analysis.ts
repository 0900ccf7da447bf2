import { assertMayClassify, authorize } from "../../core/access/policies.ts";
import { type TCreateAnalysis, ZCreateAnalysis } from "../../core/analyses/analysis.schemas.ts";
import { insertAnalysis } from "../../repositories/analyses.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertKnownCountry } from "../shared/known-country.ts";
import type { AnalysisView } from "./analysis-view.ts";

export const createAnalysis = async (ctx: ServiceContext, raw: TCreateAnalysis): Promise<AnalysisView> => {
  authorize(ctx.actor, "analysis.write");
  const input = ZCreateAnalysis.parse(raw);
  assertMayClassify(ctx.actor, input.clearance);
  return inTransaction(ctx, async (tx) => {
    if (input.iso3) await assertKnownCountry(tx.db, input.iso3);
    const row = await insertAnalysis(tx.db, {
      ownerOrgId: ctx.actor.orgId,
      clearance: input.clearance,
      iso3: input.iso3 ?? null,
      title: input.title,
      body: input.body,
      createdBy: ctx.actor.userId,
    });
    const after = { ...row, sharedWith: [] };
    await audit(tx, { action: "analysis.create", entityType: "analyses", entityId: row.id, after });
    return after;
  });
};
