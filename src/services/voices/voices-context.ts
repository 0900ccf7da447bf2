import type { VoicesConfig } from "../../config.ts";
import type { Channel } from "../../core/access/actor.ts";
import type { Db } from "../../db/types.ts";
import { appendAudit } from "../../repositories/audit-log.repository.ts";
import { findOrganisation } from "../../repositories/organisations.repository.ts";
import type { Keyring } from "../../repositories/voices/envelope.ts";

/** What the voices operations need beyond the caller: the keyring and the configured limits. */
export type VoicesDeps = { keyring: Keyring; settings: VoicesConfig };

/**
 * A call from someone without an account (the public form, an SMS gateway, a script on the public API),
 * or an unattended import. The audit log names the channel, never the person.
 */
export type PublicContext = {
  db: Db;
  now: () => Date;
  via: Channel;
  label: string;
  actorUserId?: string | null;
};

export const auditPublic = (
  ctx: PublicContext,
  orgId: string,
  change: { action: string; entityType: string; entityId: string; after?: unknown },
): Promise<void> =>
  appendAudit(ctx.db, {
    actor: ctx.label,
    actorUserId: ctx.actorUserId ?? null,
    orgId,
    via: ctx.via,
    ...change,
  });

/** The organisation that receives public reports (configuration: CONTINUUM_VOICES_ORG, a slug). */
export const receivingOrganisation = async (db: Db, settings: VoicesConfig): Promise<string> => {
  const org = await findOrganisation(db, settings.receivingOrg);
  if (!org) {
    throw new Error(
      `The receiving organisation "${settings.receivingOrg}" does not exist (set CONTINUUM_VOICES_ORG to an organisation's short name).`,
    );
  }
  return org.id;
};

/** A signed-in person's context used for intake (imports): audited under their name. */
export const intakeContextOf = (ctx: {
  db: Db;
  now: () => Date;
  via: Channel;
  actorLabel: string;
  actor: { userId: string };
}): PublicContext => ({
  db: ctx.db,
  now: ctx.now,
  via: ctx.via,
  label: ctx.actorLabel,
  actorUserId: ctx.actor.userId,
});
