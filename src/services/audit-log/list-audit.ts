import { authorize } from "../../core/access/policies.ts";
import type { TAuditExportQuery, TAuditFacets, TAuditQuery } from "../../core/audit-log/audit.schemas.ts";
import { forbidden } from "../../core/shared/errors.ts";
import {
  type AuditRecord,
  auditFacets,
  listAudit as selectAudit,
} from "../../repositories/audit-log.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** Administrators read what their organisation's people did; platform administrators read everything. */
export const listAudit = (
  ctx: ServiceContext,
  query: TAuditQuery | TAuditExportQuery,
): Promise<AuditRecord[]> => {
  authorize(ctx.actor, "audit.read");
  return selectAudit(ctx.db, ctx.actor, query, logToRead(ctx, query.orgId));
};

/** The actions and record types of the entries the reader may see. */
export const listAuditFacets = (ctx: ServiceContext): Promise<TAuditFacets> => {
  authorize(ctx.actor, "audit.read");
  return auditFacets(ctx.db, readableOrg(ctx));
};

const readableOrg = (ctx: ServiceContext): string | undefined =>
  ctx.actor.platformAdmin ? undefined : ctx.actor.orgId;

/** Another organisation's log asked for by its administrator is refused, not answered with their own. */
const logToRead = (ctx: ServiceContext, orgId: string | undefined): string | undefined => {
  if (ctx.actor.platformAdmin) return orgId;
  if (orgId && orgId !== ctx.actor.orgId)
    throw forbidden("Administrators read their own organisation's log only.");
  return ctx.actor.orgId;
};
