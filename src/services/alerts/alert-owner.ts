import { canSee, type ProtectedRecord, roleMay } from "../../core/access/policies.ts";
import type { Clearance } from "../../core/access/vocabulary.ts";
import { findDeskFor } from "../../repositories/alerts/desks.repository.ts";
import { findMembership } from "../../repositories/users.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { deskFor } from "./desk-for.ts";

export type AlertOwner = { orgId: string; userId: string | null };

/** Whether a person of the record's organisation may own an alert about it: they may decide alerts and read it. */
const mayOwn = async (
  tx: ServiceContext,
  userId: string | null,
  record: ProtectedRecord,
): Promise<boolean> => {
  const membership = userId ? await findMembership(tx.db, userId, record.ownerOrgId) : undefined;
  return Boolean(
    membership &&
      roleMay(membership.role, "alert.decide") &&
      canSee({ orgId: record.ownerOrgId, clearance: membership.clearance }, record),
  );
};

/**
 * Who in a protected record's organisation owns the alert drawn from it: someone who may decide alerts and
 * read it — the organisation's desk officer for the country, else the record's author — or, with neither,
 * the organisation as a whole (its desk officers' inbox), never a person who could not act on it.
 */
const protectedOwner = async (
  tx: ServiceContext,
  iso3: string,
  record: ProtectedRecord,
  author: AlertOwner,
): Promise<AlertOwner> => {
  const desk = await findDeskFor(tx.db, iso3);
  if (desk?.orgId === author.orgId && (await mayOwn(tx, desk.userId, record)))
    return { orgId: author.orgId, userId: desk.userId };
  return { orgId: author.orgId, userId: (await mayOwn(tx, author.userId, record)) ? author.userId : null };
};

/**
 * Who owns a new alert: the organisation of the protected record it was drawn from (`ownedBy`), else the
 * country's desk. A person's confidential warning stays within their organisation when the desk belongs to another.
 */
export const alertOwner = async (
  tx: ServiceContext,
  iso3: string,
  clearance: Clearance,
  ownedBy: AlertOwner | undefined,
): Promise<AlertOwner> => {
  if (ownedBy)
    return protectedOwner(tx, iso3, { ownerOrgId: ownedBy.orgId, clearance, sharedWith: [] }, ownedBy);
  const raiser = tx.via === "system" ? undefined : { orgId: tx.actor.orgId, userId: tx.actor.userId };
  const desk = await deskFor(tx.db, iso3, raiser);
  if (raiser && clearance === "confidential" && desk.orgId !== raiser.orgId)
    return protectedOwner(tx, iso3, { ownerOrgId: raiser.orgId, clearance, sharedWith: [] }, raiser);
  if (desk.userId === raiser?.userId) return desk;
  // The desk officer must be cleared for what they own: else their supervisor, else the desk's organisation.
  const record = { ownerOrgId: desk.orgId, clearance, sharedWith: [] };
  for (const userId of [desk.userId, desk.escalationUserId])
    if (await mayOwn(tx, userId, record)) return { orgId: desk.orgId, userId };
  return { orgId: desk.orgId, userId: null };
};
