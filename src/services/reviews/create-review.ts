import { assertMayClassify, authorize } from "../../core/access/policies.ts";
import { type TCreateReview, ZCreateReview } from "../../core/reviews/review.schemas.ts";
import { defaultReviewTitle } from "../../core/reviews/review-title.ts";
import { conflict, invalid } from "../../core/shared/errors.ts";
import { findCountryNaming } from "../../repositories/data/registry.repository.ts";
import { findDefaultFramework, findFramework } from "../../repositories/frameworks.repository.ts";
import { findCycle } from "../../repositories/reviews/cycles.repository.ts";
import {
  findOrganisationReviewInCycle,
  findReview,
  insertReview,
  updateReview,
} from "../../repositories/reviews/reviews.repository.ts";
import { findUserLanguages } from "../../repositories/users.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertKnownCountry } from "../shared/known-country.ts";
import { buildEvidencePack, type EvidenceSettings } from "./build-evidence-pack.ts";
import { loadReviewDetail, type ReviewDetailView } from "./review-view.ts";

/** A review opened without a title is named after its country, as every page names it, in its writer's language. */
const untitled = async (tx: ServiceContext, iso3: string, cycleName: string | undefined) => {
  const country = (await findCountryNaming(tx.db, iso3)) ?? { iso3, name: null, iso2: null };
  const language = (await findUserLanguages(tx.db, [tx.actor.userId])).get(tx.actor.userId) ?? "en";
  return defaultReviewTitle(country, cycleName, language);
};

/** Opens a review workspace for a country, against the cycle's framework or the default, with its evidence pack. */
export const createReview = async (
  ctx: ServiceContext,
  raw: TCreateReview,
  evidence: EvidenceSettings,
): Promise<ReviewDetailView> => {
  authorize(ctx.actor, "review.write");
  const input = ZCreateReview.parse(raw);
  assertMayClassify(ctx.actor, input.clearance);
  return inTransaction(ctx, async (tx) => {
    await assertKnownCountry(tx.db, input.iso3);
    const cycle = input.cycleId ? await findCycle(tx.db, input.cycleId) : undefined;
    if (input.cycleId && !cycle)
      throw invalid("No such review cycle.", [{ field: "cycleId", message: "unknown cycle" }]);
    // A country is reviewed once per cycle by an organisation, whoever wrote the first review; its title and
    // id are named only to those cleared to read it. Another organisation's review is not looked for.
    const earlier =
      cycle && (await findOrganisationReviewInCycle(tx.db, tx.actor.orgId, input.iso3, cycle.id));
    if (cycle && earlier) {
      const readable = await findReview(tx.db, earlier, tx.actor);
      throw conflict(
        `Your organisation already reviews ${input.iso3} in ${cycle.name}${readable ? `: "${readable.title}"` : ""}.`,
        [
          {
            field: "cycleId",
            message: `already reviewed in this cycle${readable ? ` (review ${readable.id})` : ""}`,
          },
        ],
      );
    }
    const frameworkId = input.frameworkId ?? cycle?.frameworkId;
    const framework = frameworkId
      ? await findFramework(tx.db, frameworkId)
      : await findDefaultFramework(tx.db);
    if (!framework)
      throw invalid("No such framework.", [{ field: "frameworkId", message: "unknown framework" }]);
    const now = ctx.now();
    const id = await insertReview(tx.db, {
      cycleId: cycle?.id ?? null,
      iso3: input.iso3,
      frameworkId: framework.id,
      ownerOrgId: ctx.actor.orgId,
      clearance: input.clearance,
      title: input.title ?? (await untitled(tx, input.iso3, cycle?.name)),
      createdBy: ctx.actor.userId,
      now,
    });
    await updateReview(
      tx.db,
      id,
      { evidence: await buildEvidencePack(tx.db, input.iso3, id, now, evidence), evidenceAt: now },
      now,
    );
    const review = await loadReviewDetail(tx.db, id, tx.actor);
    await audit(tx, {
      action: "review.create",
      entityType: "reviews",
      entityId: id,
      after: { iso3: review.iso3, title: review.title, frameworkId: framework.id, cycleId: review.cycleId },
    });
    return review;
  });
};
