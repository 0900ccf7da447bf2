import type { TAuditEntry } from "../../core/audit-log/audit.schemas.ts";
import type { AuditRecord } from "../../repositories/audit-log.repository.ts";

/** An entry about a record hidden from its reader says that it happened, not what changed. */
export const presentAuditEntry = (entry: AuditRecord): TAuditEntry => ({
  ...entry,
  at: entry.at.toISOString(),
  before: entry.withheld ? null : entry.before,
  after: entry.withheld ? null : entry.after,
});
