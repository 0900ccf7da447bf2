import { authorize, roleMay } from "../../core/access/policies.ts";
import { roles } from "../../core/access/vocabulary.ts";
import { type TDeskInput, ZDeskInput } from "../../core/alerts/alert.schemas.ts";
import { invalid } from "../../core/shared/errors.ts";
import {
  type DeskRecord,
  listDesks as selectDesks,
  upsertDesk,
} from "../../repositories/alerts/desks.repository.ts";
import { findOrganisation } from "../../repositories/organisations.repository.ts";
import { countMembers, findMembership } from "../../repositories/users.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertKnownCountry } from "../shared/known-country.ts";

/**
 * Assigns a country's desk (or the default desk, '*'): the owning organisation and the person, plus the
 * supervisor overdue alerts escalate to. Both people must belong to the organisation and may decide alerts.
 */
export const setDesk = async (ctx: ServiceContext, raw: TDeskInput): Promise<DeskRecord[]> => {
  authorize(ctx.actor, "alert.configure");
  const desk = ZDeskInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    if (desk.iso3 !== "*") await assertKnownCountry(tx.db, desk.iso3);
    const organisation = await findOrganisation(tx.db, desk.orgId);
    if (!organisation)
      throw invalid("No such organisation.", [{ field: "orgId", message: "unknown organisation" }]);
    // Its alerts would reach nobody who could decide them, and escalate to nobody.
    const deciders = roles.filter((role) => roleMay(role, "alert.decide"));
    if ((await countMembers(tx.db, desk.orgId, deciders)) === 0)
      throw invalid(`Nobody in ${organisation.name} may decide alerts.`, [
        {
          field: "orgId",
          message: `no ${deciders.map((role) => role.replace("_", " ")).join(" or ")} in it`,
        },
      ]);
    // An overdue alert escalates past its owner; to the owner again, nobody new would see it.
    if (desk.userId && desk.userId === desk.escalationUserId)
      throw invalid("The supervisor must be someone other than the desk officer.", [
        { field: "escalationUserId", message: "the desk officer themself" },
      ]);
    for (const field of ["userId", "escalationUserId"] as const) {
      const userId = desk[field];
      const member = userId ? await findMembership(tx.db, userId, desk.orgId) : undefined;
      if (userId && !member)
        throw invalid("The desk's people must belong to its organisation.", [
          { field, message: "not a member of the organisation" },
        ]);
      // Alerts are owned by and escalated to these people: someone who could not decide one is no desk.
      if (member && !roleMay(member.role, "alert.decide"))
        throw invalid("The desk's people must be able to decide alerts.", [
          {
            field,
            message: `${/^[aeiou]/.test(member.role) ? "an" : "a"} ${member.role} may not decide alerts (desk officers and administrators may)`,
          },
        ]);
    }
    const before = (await selectDesks(tx.db)).find((d) => d.iso3 === desk.iso3);
    await upsertDesk(tx.db, desk, ctx.now());
    // Filed with the organisation the desk goes to and, when it moves, the one it leaves: both should know.
    for (const orgId of new Set([desk.orgId, before?.orgId ?? desk.orgId]))
      await audit(tx, {
        action: "alert_desk.set",
        entityType: "alert_desks",
        entityId: desk.iso3,
        before,
        after: desk,
        orgId,
      });
    return selectDesks(tx.db);
  });
};
