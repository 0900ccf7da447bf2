import { z } from "zod";
import { DomainError, forbidden, invalid } from "../../core/shared/errors.ts";
import {
  ZApiToken,
  ZChangePassword,
  ZCreateToken,
  ZMe,
  ZSetLanguage,
  ZSignIn,
  ZSwitchOrganisation,
} from "../../core/users/user.schemas.ts";
import { changePassword } from "../../services/auth/change-password.ts";
import { createApiToken } from "../../services/auth/create-api-token.ts";
import { listOwnApiTokens } from "../../services/auth/list-own-api-tokens.ts";
import { readSignedInUser } from "../../services/auth/read-signed-in-user.ts";
import { revokeOwnApiToken } from "../../services/auth/revoke-own-api-token.ts";
import { setLanguage } from "../../services/auth/set-language.ts";
import { SESSION_HOURS, signIn } from "../../services/auth/sign-in.ts";
import { signOut } from "../../services/auth/sign-out.ts";
import { switchOrganisation } from "../../services/auth/switch-organisation.ts";
import { contextOf } from "../context.ts";
import { SESSION_COOKIE } from "../plugins/authentication.ts";
import { presentToken } from "../presenters/token.presenter.ts";
import { presentUser } from "../presenters/user.presenter.ts";
import { errorResponses, ZIdParams } from "../schemas.ts";
import { signInFailures } from "../sign-in-failures.ts";
import type { AppRoutes } from "./types.ts";

export const authRoutes: AppRoutes = (app, deps) => {
  const cookieOptions = {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: deps.config.secureCookies,
    path: "/",
  };

  const failures = signInFailures();
  app.post(
    "/api/auth/sign-in",
    {
      config: {
        public: true,
        // Keyed by address and account, so one office behind a shared address is not locked out as a whole.
        rateLimit: {
          max: 10,
          timeWindow: "1 minute",
          hook: "preHandler",
          keyGenerator: (request) =>
            `${request.ip}|${(request.body as { email?: string } | undefined)?.email ?? ""}`,
        },
      },
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password; sets an HTTP-only session cookie",
        body: ZSignIn,
        response: { 200: z.object({ csrfToken: z.string(), expiresAt: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const now = deps.now();
      failures.assertAllowed(request.ip, now.getTime());
      const result = await signIn(deps.db, request.body.email, request.body.password, now).catch((error) => {
        if (error instanceof DomainError && error.code === "unauthenticated")
          failures.recordFailure(request.ip, now.getTime());
        throw error;
      });
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        ...cookieOptions,
        maxAge: SESSION_HOURS * 3600,
      });
      return { csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
    },
  );

  app.post(
    "/api/auth/sign-out",
    {
      config: { beforePasswordChange: true },
      schema: { tags: ["auth"], summary: "End this session", response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      const sessionHash = request.auth?.sessionHash;
      if (sessionHash) await signOut(contextOf(deps, request), sessionHash);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ["auth"],
        summary: "Who is signed in, acting for which organisation",
        response: { 200: ZMe, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(deps, request);
      const { user, language } = await readSignedInUser(ctx);
      return {
        user: presentUser(user, ctx.actor, ctx.now()),
        acting: { orgId: ctx.actor.orgId, role: ctx.actor.role, clearance: ctx.actor.clearance },
        language,
        csrfToken: request.auth?.csrfToken ?? null,
        mustChangePassword: request.auth?.mustChangePassword ?? false,
      };
    },
  );

  app.post(
    "/api/auth/password",
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ["auth"],
        summary: "Change your password (ends your other sessions)",
        body: ZChangePassword,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await changePassword(contextOf(deps, request), request.body, request.auth?.sessionHash ?? null);
      return reply.code(204).send(null);
    },
  );

  app.put(
    "/api/auth/language",
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ["auth"],
        summary: "Set the language you read the app and your notifications in",
        body: ZSetLanguage,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await setLanguage(contextOf(deps, request), request.body.language);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/auth/organisation",
    {
      schema: {
        tags: ["auth"],
        summary: "Act for another organisation you belong to",
        body: ZSwitchOrganisation,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const sessionHash = request.auth?.sessionHash;
      if (!sessionHash) throw invalid("An API token acts for the organisation it was created in.");
      await switchOrganisation(contextOf(deps, request), sessionHash, request.body.orgId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/tokens",
    {
      schema: {
        tags: ["auth"],
        summary: "Your API tokens",
        response: { 200: z.array(ZApiToken), ...errorResponses },
      },
    },
    async (request) => (await listOwnApiTokens(contextOf(deps, request))).map(presentToken),
  );

  app.post(
    "/api/tokens",
    {
      schema: {
        tags: ["auth"],
        summary: "Create an API token for a machine; the secret is shown once",
        body: ZCreateToken,
        response: { 201: ZApiToken.extend({ token: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      // A token that could mint tokens could outlive its own expiry and revocation.
      if (!request.auth?.sessionHash)
        throw forbidden(
          "API tokens are created by a signed-in person (Account page or `continuum token create`).",
        );
      const { token, record } = await createApiToken(contextOf(deps, request), request.body);
      return reply.code(201).send({ ...presentToken(record), token });
    },
  );

  app.delete(
    "/api/tokens/:id",
    {
      schema: {
        tags: ["auth"],
        summary: "Revoke one of your API tokens",
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeOwnApiToken(contextOf(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
