import { authorize } from "../../core/access/policies.ts";
import { type TUpdateFramework, ZUpdateFramework } from "../../core/frameworks/framework.schemas.ts";
import { conflict, notFound } from "../../core/shared/errors.ts";
import {
  clearDefaultFramework,
  countReviewsUsingFramework,
  type FrameworkRow,
  findFramework,
  updateFramework as saveFramework,
} from "../../repositories/frameworks.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

/**
 * Edits a framework's text and factors, or makes it the default. Once an adopted review used a version,
 * its factors are history: changing them needs a new version, so adopted reviews keep their meaning.
 */
export const updateFramework = async (
  ctx: ServiceContext,
  id: string,
  raw: TUpdateFramework,
): Promise<FrameworkRow> => {
  authorize(ctx.actor, "framework.edit");
  const changes = ZUpdateFramework.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await findFramework(tx.db, id);
    if (!before) throw notFound("Framework");
    if (changes.factors && (await countReviewsUsingFramework(tx.db, id)) > 0)
      throw conflict("Adopted reviews use this version: save the changed factors as a new version.", [
        { field: "factors", message: "locked by adopted reviews; create a new version" },
      ]);
    if (changes.isDefault) await clearDefaultFramework(tx.db);
    const after = await saveFramework(tx.db, id, changes, ctx.now());
    await audit(tx, { action: "framework.update", entityType: "frameworks", entityId: id, before, after });
    return after;
  });
};
