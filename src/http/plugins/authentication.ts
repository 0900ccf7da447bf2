import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../core/access/actor.ts";
import { CSRF_HEADER } from "../../core/access/csrf.ts";
import { DomainError } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import {
  type Authenticated,
  authenticateApiToken,
  authenticateSession,
} from "../../services/auth/authenticate.ts";

export const SESSION_COOKIE = "continuum_session";

declare module "fastify" {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** Routes open without signing in (health, sign-in, public intake). Everything else needs a session or token. */
    public?: boolean;
    /** Routes a session may use while its person must still replace a password set by an administrator. */
    beforePasswordChange?: boolean;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Routes outside the API, and the API's own documentation, are open to all. Judged by the route matched,
 * not the raw address: "/%61pi/…" reaches the same handler as "/api/…".
 */
const isOpenRoute = (request: FastifyRequest) => {
  const route = request.routeOptions.url ?? "";
  return !route.startsWith("/api/") || route.startsWith("/api/docs");
};

const resolve = async (db: Db, request: FastifyRequest, now: Date): Promise<Authenticated | undefined> => {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return authenticateApiToken(db, header.slice(7).trim(), now);
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? authenticateSession(db, cookie, now) : undefined;
};

/**
 * A password set by an administrator is known to them and to whatever carried it: until the person has
 * chosen their own, their session may only say who they are, change the password, set the language and sign out.
 */
const assertPasswordChosen = (request: FastifyRequest, auth: Authenticated): void => {
  if (!auth.mustChangePassword || request.routeOptions.config?.beforePasswordChange) return;
  throw new DomainError(
    "password_change_required",
    "Choose your own password first (POST /api/auth/password): the one you signed in with was set by an administrator.",
  );
};

/**
 * Resolves the caller on every request, before the body is read, and refuses unauthenticated calls to
 * non-public API routes (the web app's static files are public).
 * Cookie sessions must echo their CSRF token on unsafe methods (synchroniser-token pattern);
 * bearer tokens are not sent automatically by browsers and need none.
 */
export const registerAuthentication = (app: FastifyInstance, db: Db, now: () => Date): void => {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (request: FastifyRequest, _reply: FastifyReply) => {
    request.auth = (await resolve(db, request, now())) ?? null;
    if (isOpenRoute(request) || request.routeOptions.config?.public) return;
    if (!request.auth) throw new DomainError("unauthenticated", "Sign in, or send an API token.");
    const { csrfToken } = request.auth;
    if (csrfToken && UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== csrfToken) {
      throw new DomainError("forbidden", "Missing or wrong CSRF token (send the X-CSRF-Token header).");
    }
    assertPasswordChosen(request, request.auth);
  });
};

export const requireActor = (request: FastifyRequest): Actor => {
  if (!request.auth) throw new DomainError("unauthenticated", "Sign in, or send an API token.");
  return request.auth.actor;
};

/**
 * Refuses a write that would outlive the API token making it: a token that could create accounts or raise
 * memberships could leave behind access of its own, which its expiry and revocation would not end.
 */
export const requireSignedInPerson = (request: FastifyRequest, what: string): void => {
  if (request.auth && !request.auth.sessionHash)
    throw new DomainError(
      "forbidden",
      `${what} by a signed-in person (web app or the \`continuum\` CLI), not with an API token.`,
    );
};
