import { authorize } from "../../core/access/policies.ts";
import type { TAuditEntry, TAuditQuery } from "../../core/audit-log/audit.schemas.ts";
import { listAudit as selectAudit } from "../../repositories/audit-log.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** Administrators read what their organisation's people did; platform administrators read everything. */
export const listAudit = (ctx: ServiceContext, query: TAuditQuery): Promise<TAuditEntry[]> => {
  authorize(ctx.actor, "audit.read");
  return selectAudit(ctx.db, query, ctx.actor.platformAdmin ? undefined : ctx.actor.orgId);
};
