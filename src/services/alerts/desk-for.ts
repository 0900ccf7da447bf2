import { DomainError } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import { findDeskFor, findFallbackOwner } from "../../repositories/alerts/desks.repository.ts";

export type Desk = { orgId: string; userId: string | null; escalationUserId: string | null };

/**
 * Who owns a country's alerts: its own desk, else the default desk ('*'); with no desk at all, the person
 * who raised it (their organisation can then act on it), and for the platform's own alerts its first
 * administrator — so that no alert is ever without an owner.
 */
export const deskFor = async (
  db: Db,
  iso3: string,
  raiser?: { orgId: string; userId: string },
): Promise<Desk> => {
  const desk = await findDeskFor(db, iso3);
  if (desk) return { orgId: desk.orgId, userId: desk.userId, escalationUserId: desk.escalationUserId };
  if (raiser) return { ...raiser, escalationUserId: null };
  const fallback = await findFallbackOwner(db);
  if (!fallback)
    throw new DomainError("not_initialised", "No alert desk and no administrator to own alerts.");
  return { orgId: fallback.orgId, userId: fallback.userId, escalationUserId: null };
};
