import type { Actor, Channel } from "../../core/access/actor.ts";
import type { Db } from "../../db/types.ts";
import { appendAudit } from "../../repositories/audit-log.repository.ts";

/** Everything an operation needs to know about the call it serves. */
export type ServiceContext = {
  db: Db;
  actor: Actor;
  via: Channel;
  /** A label for the audit log: the person, plus the operating-system user on the CLI. */
  actorLabel: string;
  now: () => Date;
};

/**
 * Runs `work` in one transaction, on a copy of the context whose `db` is the transaction; a thrown error leaves
 * the database as it was.
 */
export const inTransaction = async <C extends { db: Db }, T>(
  ctx: C,
  work: (tx: C) => Promise<T>,
): Promise<T> => ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));

type AuditedChange = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /**
   * The organisation whose log the entry belongs to, when not the actor's: a platform administrator changing
   * another organisation's people or desks is then seen by that organisation's administrators.
   */
  orgId?: string;
};

/** Every write appends who, when, what and before/after, in the same transaction as the write. */
export const audit = (ctx: ServiceContext, change: AuditedChange): Promise<void> =>
  appendAudit(ctx.db, {
    actor: ctx.actorLabel,
    actorUserId: ctx.actor.userId,
    orgId: ctx.actor.orgId,
    via: ctx.via,
    ...change,
  });
