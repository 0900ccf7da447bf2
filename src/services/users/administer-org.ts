import type { Actor } from "../../core/access/actor.ts";
import { authorize } from "../../core/access/policies.ts";
import { type Clearance, clearanceRank } from "../../core/access/vocabulary.ts";
import { forbidden, invalid } from "../../core/shared/errors.ts";

export const assertPlatformAdministrator = (actor: Actor): void => {
  if (!actor.platformAdmin) throw forbidden("Only a platform administrator may do this.");
};

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

/**
 * An organisation administrator grants at most their own clearance, to others and to themself: otherwise a
 * restricted administrator could open every confidential record, reporters' identities included, by
 * raising a membership. Platform administrators set up organisations and grant any level.
 */
export const assertMayGrant = (actor: Actor, clearance: Clearance): void => {
  if (!actor.platformAdmin && clearanceRank(clearance) > clearanceRank(actor.clearance))
    throw invalid(
      `Your clearance (${actor.clearance}) is below ${clearance}: you may grant at most your own.`,
      [{ field: "clearance", message: `at most ${actor.clearance}` }],
    );
};

/**
 * Changing or ending a membership cleared above the administrator's own is refused: a role change would
 * otherwise hand a confidential person an administrator's or a reveal-capable role, and a lower-cleared
 * administrator could push out those cleared above them.
 */
export const assertMayChangeMember = (actor: Actor, member: { clearance: Clearance }): void => {
  if (!actor.platformAdmin && clearanceRank(member.clearance) > clearanceRank(actor.clearance))
    throw forbidden(
      `This person is cleared ${member.clearance}, above your clearance (${actor.clearance}): an administrator cleared for ${member.clearance} changes their membership.`,
    );
};
