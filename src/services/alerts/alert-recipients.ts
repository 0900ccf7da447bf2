import { roleMay } from "../../core/access/policies.ts";
import { roles } from "../../core/access/vocabulary.ts";
import type { Db } from "../../db/types.ts";
import { listOrgMembersWithRole } from "../../repositories/alerts/desks.repository.ts";

/**
 * Who hears of an alert: its owner, or when nobody in particular owns it, everyone in the owning organisation
 * who may decide alerts. `notify` then keeps only those cleared to read it.
 */
export const alertRecipients = async (
  db: Db,
  alert: { ownerOrgId: string; ownerUserId: string | null },
): Promise<string[]> => {
  if (alert.ownerUserId) return [alert.ownerUserId];
  const deciders = roles.filter((role) => roleMay(role, "alert.decide"));
  const members = await Promise.all(
    deciders.map((role) => listOrgMembersWithRole(db, alert.ownerOrgId, role)),
  );
  return members.flat().map((member) => member.id);
};
