import { authorize } from "../../core/access/policies.ts";
import { type TCreateFramework, ZCreateFramework } from "../../core/frameworks/framework.schemas.ts";
import { conflict } from "../../core/shared/errors.ts";
import {
  clearDefaultFramework,
  type FrameworkRow,
  findFrameworkVersion,
  insertFramework,
} from "../../repositories/frameworks.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

/**
 * Adds a framework (e.g. a regional organisation's own indicators) or a new version of one (same slug,
 * new version). Reviews keep the version they were written against, so versions are never overwritten.
 */
export const createFramework = async (ctx: ServiceContext, raw: TCreateFramework): Promise<FrameworkRow> => {
  authorize(ctx.actor, "framework.edit");
  const input = ZCreateFramework.parse(raw);
  return inTransaction(ctx, async (tx) => {
    if (await findFrameworkVersion(tx.db, input.slug, input.version))
      throw conflict(`Framework ${input.slug} already has a version ${input.version}.`, [
        { field: "version", message: "already exists for this framework" },
      ]);
    if (input.isDefault) await clearDefaultFramework(tx.db);
    const framework = await insertFramework(tx.db, { ...input, createdBy: ctx.actor.userId });
    await audit(tx, {
      action: "framework.create",
      entityType: "frameworks",
      entityId: framework.id,
      after: framework,
    });
    return framework;
  });
};
