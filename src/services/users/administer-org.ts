import type { Actor } from "../../core/access/actor.ts";
import { authorize } from "../../core/access/policies.ts";
import { forbidden } from "../../core/shared/errors.ts";

/**
 * Organisation administrators manage their own organisation's people; platform administrators any. Only a
 * platform administrator changes another's membership: an organisation could otherwise lock the instance's
 * administrators out.
 */
export const assertAdministers = (actor: Actor, orgId: string, target?: { platformAdmin: boolean }): void => {
  authorize(actor, "member.manage");
  if (!actor.platformAdmin && actor.orgId !== orgId) {
    throw forbidden("You may only manage the people of your own organisation.");
  }
  if (target?.platformAdmin && !actor.platformAdmin)
    throw forbidden("Only a platform administrator may change a platform administrator's membership.");
};
