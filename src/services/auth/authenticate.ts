import type { Actor } from "../../core/access/actor.ts";
import type { Db } from "../../db/types.ts";
import { findSession, useApiToken } from "../../repositories/credentials.repository.ts";
import { actorFor } from "./actor-for.ts";
import { digest } from "./secrets.ts";

/**
 * `token` names the API token a machine called with, so the audit log tells its work from its owner's.
 * `mustChangePassword` holds a session to choosing a password first while the one in use was set by an
 * administrator; an API token is never held, as only its owner can have created it, after signing in.
 */
export type Authenticated = {
  actor: Actor;
  csrfToken: string | null;
  sessionHash: string | null;
  mustChangePassword: boolean;
  token?: { name: string; prefix: string };
};

export const authenticateSession = async (
  db: Db,
  token: string,
  now: Date,
): Promise<Authenticated | undefined> => {
  const sessionHash = digest(token);
  const session = await findSession(db, sessionHash, now);
  if (!session) return undefined;
  const actor = await actorFor(db, session.userId, session.orgId);
  return (
    actor && {
      actor,
      csrfToken: session.csrfToken,
      sessionHash,
      mustChangePassword: session.mustChangePassword,
    }
  );
};

/** Machines present an API token as `Authorization: Bearer ctk_…`; tokens need no CSRF token. */
export const authenticateApiToken = async (
  db: Db,
  token: string,
  now: Date,
): Promise<Authenticated | undefined> => {
  const record = await useApiToken(db, digest(token), now);
  if (!record) return undefined;
  const actor = await actorFor(db, record.userId, record.orgId);
  return (
    actor && {
      actor,
      csrfToken: null,
      sessionHash: null,
      mustChangePassword: false,
      token: { name: record.name, prefix: record.prefix },
    }
  );
};
