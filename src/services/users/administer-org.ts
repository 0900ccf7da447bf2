import type { Actor } from "../../core/access/actor.ts";
import { authorize } from "../../core/access/policies.ts";
import { forbidden } from "../../core/shared/errors.ts";

/** Organisation administrators manage their own organisation's people; platform administrators any. */
export const assertAdministers = (actor: Actor, orgId: string): void => {
  authorize(actor, "member.manage");
  if (!actor.platformAdmin && actor.orgId !== orgId) {
    throw forbidden("You may only manage the people of your own organisation.");
  }
};
