import { assertMayClassify, canChange, canSee } from "../../core/access/policies.ts";
import { ZUpdateAnalysis } from "../../core/analyses/analysis.schemas.ts";
import { forbidden, notFound } from "../../core/shared/errors.ts";
import { replaceShares } from "../../repositories/access/record-shares.repository.ts";
import {
  deleteAnalysis as removeAnalysis,
  updateAnalysis as saveAnalysis,
} from "../../repositories/analyses.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertKnownCountry } from "../shared/known-country.ts";
import type { AnalysisView } from "./analysis-view.ts";
import { getAnalysis } from "./read-analyses.ts";

/** Seen but not owned: 403. Not seen at all: 404 (from getAnalysis). */
const loadForChange = async (ctx: ServiceContext, id: string): Promise<AnalysisView> => {
  const current = await getAnalysis(ctx, id);
  if (!canSee(ctx.actor, current)) throw notFound("Analysis");
  if (!canChange(ctx.actor, current, "analysis.write"))
    throw forbidden("Only the owning organisation's writers may change this analysis.");
  return current;
};

export const updateAnalysis = async (
  ctx: ServiceContext,
  id: string,
  raw: unknown,
): Promise<AnalysisView> => {
  const changes = ZUpdateAnalysis.parse(raw);
  assertMayClassify(ctx.actor, changes.clearance);
  return inTransaction(ctx, async (tx) => {
    const before = await loadForChange(tx, id);
    if (changes.iso3) await assertKnownCountry(tx.db, changes.iso3);
    const row = await saveAnalysis(tx.db, id, { ...changes, iso3: changes.iso3 ?? before.iso3 }, ctx.now());
    const after = { ...row, sharedWith: before.sharedWith };
    await audit(tx, { action: "analysis.update", entityType: "analyses", entityId: id, before, after });
    return after;
  });
};

export const deleteAnalysis = async (ctx: ServiceContext, id: string): Promise<void> =>
  inTransaction(ctx, async (tx) => {
    const before = await loadForChange(tx, id);
    await replaceShares(tx.db, "analyses", id, [], ctx.actor.userId);
    await removeAnalysis(tx.db, id);
    await audit(tx, { action: "analysis.delete", entityType: "analyses", entityId: id, before });
  });
