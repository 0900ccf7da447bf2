import type { VoicesConfig } from "../../config.ts";
import type { Db } from "../../db/types.ts";
import { findOrganisation } from "../../repositories/organisations.repository.ts";
import { listUsers } from "../../repositories/users.repository.ts";
import { listColleagues } from "../users/list-colleagues.ts";

/**
 * What an operator should know about public intake when a server starts: a receiving organisation that does
 * not exist (every public report is refused until it does), and platform administrators who could reveal
 * reporters, being cleared administrators of it — right for a trial on one's own, wrong on an instance several
 * organisations share, where the organisation that protects reporters should receive them.
 */
export const intakeWarnings = async (db: Db, settings: VoicesConfig): Promise<string[]> => {
  const slug = settings.receivingOrg;
  const org = await findOrganisation(db, slug);
  if (!org)
    return [
      `public reports go to "${slug}", which does not exist: they are refused until it does (continuum org add ${slug} …, or CONTINUUM_VOICES_ORG names another).`,
    ];
  const revealers = await listColleagues(db, org.id, "voices.reveal", {
    ownerOrgId: org.id,
    clearance: "confidential",
    sharedWith: [],
  });
  const administrators = new Set((await listUsers(db)).filter((u) => u.platformAdmin).map((u) => u.id));
  const operators = revealers.filter((r) => administrators.has(r.userId)).map((r) => r.email);
  return operators.length
    ? [
        `public reports go to "${slug}", where platform administrator ${operators.join(", ")} can reveal reporters; on an instance several organisations share, they should go to the organisation that protects reporters, with no platform administrator cleared among its administrators (CONTINUUM_VOICES_ORG).`,
      ]
    : [];
};
