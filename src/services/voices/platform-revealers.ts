import type { VoicesConfig } from "../../config.ts";
import type { Db } from "../../db/types.ts";
import { listUsers } from "../../repositories/users.repository.ts";
import { listColleagues } from "../users/list-colleagues.ts";
import { receivingOrganisation } from "./voices-context.ts";

/**
 * The platform administrators who could reveal the reporters of public reports, being cleared administrators
 * of the receiving organisation: right for a trial on one's own, wrong on an instance several organisations
 * share, where the organisation that protects reporters should receive them (CONTINUUM_VOICES_ORG).
 */
export const platformAdministratorsWhoReveal = async (db: Db, settings: VoicesConfig): Promise<string[]> => {
  // A receiving organisation not created yet is the intake's own error to report, on the first report.
  const orgId = await receivingOrganisation(db, settings).catch(() => null);
  if (!orgId) return [];
  const revealers = await listColleagues(db, orgId, "voices.reveal", {
    ownerOrgId: orgId,
    clearance: "confidential",
    sharedWith: [],
  });
  const administrators = new Set((await listUsers(db)).filter((u) => u.platformAdmin).map((u) => u.id));
  return revealers.filter((r) => administrators.has(r.userId)).map((r) => r.email);
};
