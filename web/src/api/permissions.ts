import type { Actor } from "../../../src/core/access/actor.ts";
import { type Action, can, mayAdoptReview, mayWorkOn } from "../../../src/core/access/policies.ts";
import { type Clearance, clearanceRank } from "../../../src/core/access/vocabulary.ts";
import type { Me } from "./types.ts";

/**
 * The signed-in person as the server's policy sees them. The server decides; the web asks the same policy
 * only to leave out controls that would be refused.
 */
export const actorOf = (me: Me): Actor => ({
  userId: me.user.id,
  email: me.user.email,
  orgId: me.acting.orgId,
  role: me.acting.role,
  clearance: me.acting.clearance,
  platformAdmin: me.user.platformAdmin,
});

/** Whether the signed-in person may take an action, by the server's own policy table. */
export const allows = (me: Me, action: Action): boolean => can(actorOf(me), action);

/** Whether the signed-in person may change an organisation's own work (a review, an alert, a report, a share). */
export const worksOn = (me: Me, ownerOrgId: string, action: Action): boolean =>
  mayWorkOn(actorOf(me), ownerOrgId, action);

/** Whether the signed-in person may adopt a review (four eyes: not its submitter). */
export const adopts = (me: Me, review: { ownerOrgId: string; submittedById: string | null }): boolean =>
  mayAdoptReview(actorOf(me), review);

/** A form's default clearance, lowered to what the person holds (a higher one would be refused). */
export const highestHeld = (me: Me, wanted: Clearance): Clearance =>
  clearanceRank(wanted) <= clearanceRank(me.acting.clearance) ? wanted : me.acting.clearance;
