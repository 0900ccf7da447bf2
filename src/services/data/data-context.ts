import type { Channel } from "../../core/access/actor.ts";
import type { DatabaseHandle } from "../../db/engine.ts";
import type { Db } from "../../db/types.ts";
import { appendAudit } from "../../repositories/audit-log.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/**
 * What the data services need: the database handle (bulk COPY needs the engine, not only Kysely) and who
 * acts, for the audit log and the datasets' `imported_by`. It carries no actor to check: imports also run
 * unattended on first start; a person's import goes through `importDatasetAs`, which checks.
 */
export type DataContext = {
  handle: DatabaseHandle;
  actorLabel: string;
  actorUserId: string | null;
  orgId: string | null;
  via: Channel;
};

/** A data context for a signed-in actor. */
export const dataContextFor = (ctx: ServiceContext, handle: DatabaseHandle): DataContext => ({
  handle,
  actorLabel: ctx.actorLabel,
  actorUserId: ctx.actor.userId,
  orgId: ctx.actor.orgId,
  via: ctx.via,
});

/** The data context of the platform itself (first start). */
export const systemDataContext = (handle: DatabaseHandle): DataContext => ({
  handle,
  actorLabel: "system",
  actorUserId: null,
  orgId: null,
  via: "system",
});

export const auditData = (
  db: Db,
  ctx: DataContext,
  change: { action: string; entityId: string; after?: unknown; before?: unknown },
): Promise<void> =>
  appendAudit(db, {
    actor: ctx.actorLabel,
    actorUserId: ctx.actorUserId,
    orgId: ctx.orgId,
    via: ctx.via,
    action: change.action,
    entityType: "dataset",
    entityId: change.entityId,
    before: change.before,
    after: change.after,
  });
