import type { ProtectedRecord } from "../../core/access/policies.ts";
import type { Db } from "../../db/types.ts";
import { listShares } from "../../repositories/access/record-shares.repository.ts";
import type { AlertRecord } from "../../repositories/alerts/alerts.repository.ts";

/** Who may read an alert: its clearance, owning desk and the organisations it is shared with. */
export const alertAudience = async (db: Db, alert: AlertRecord): Promise<ProtectedRecord> => ({
  ownerOrgId: alert.ownerOrgId,
  clearance: alert.clearance,
  sharedWith: (await listShares(db, "alerts", [alert.id])).get(alert.id) ?? [],
});
