import { z } from "zod";
import {
  ZAddedUser,
  ZCreateUser,
  ZOrganisationApiToken,
  ZSetMembership,
  ZUser,
} from "../../core/users/user.schemas.ts";
import { listOrganisationApiTokens } from "../../services/auth/list-organisation-api-tokens.ts";
import { revokeOrganisationApiToken } from "../../services/auth/revoke-organisation-api-token.ts";
import { createUser } from "../../services/users/create-user.ts";
import { listUsers } from "../../services/users/list-users.ts";
import { removeMembership } from "../../services/users/remove-membership.ts";
import { setMembership } from "../../services/users/set-membership.ts";
import { unlockUser } from "../../services/users/unlock-user.ts";
import { contextOf } from "../context.ts";
import { requireSignedInPerson } from "../plugins/authentication.ts";
import { presentOrganisationToken } from "../presenters/token.presenter.ts";
import { presentUser } from "../presenters/user.presenter.ts";
import { errorResponses, ZIdParams } from "../schemas.ts";
import type { AppRoutes } from "./types.ts";

export const userRoutes: AppRoutes = (app, deps) => {
  app.get(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "People of your organisation (platform administrators: any organisation)",
        querystring: z.object({ orgId: z.uuid().optional() }),
        response: { 200: z.array(ZUser), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(deps, request);
      return (await listUsers(ctx, request.query.orgId)).map((user) =>
        presentUser(user, ctx.actor, ctx.now()),
      );
    },
  );

  app.post(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Add a person to an organisation with a role",
        body: ZCreateUser,
        response: { 201: ZAddedUser, ...errorResponses },
      },
    },
    async (request, reply) => {
      requireSignedInPerson(request, "People are added");
      const ctx = contextOf(deps, request);
      const { user, accountExisted } = await createUser(ctx, request.body);
      return reply.code(201).send({ ...presentUser(user, ctx.actor, ctx.now()), accountExisted });
    },
  );

  app.put(
    "/api/users/:userId/memberships/:orgId",
    {
      schema: {
        tags: ["users"],
        summary: "Set a member's role and clearance",
        params: z.object({ userId: z.uuid(), orgId: z.uuid() }),
        body: ZSetMembership,
        response: { 200: ZUser, ...errorResponses },
      },
    },
    async (request) => {
      requireSignedInPerson(request, "Roles and clearances are set");
      const ctx = contextOf(deps, request);
      return presentUser(
        await setMembership(ctx, { ...request.params, ...request.body }),
        ctx.actor,
        ctx.now(),
      );
    },
  );

  app.delete(
    "/api/users/:userId/memberships/:orgId",
    {
      schema: {
        tags: ["users"],
        summary: "End a person's membership of an organisation (their sessions for it end)",
        params: z.object({ userId: z.uuid(), orgId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeMembership(contextOf(deps, request), request.params);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/users/tokens",
    {
      schema: {
        tags: ["users"],
        summary:
          "Live API tokens acting for your organisation, with whom each acts as (platform administrators: any organisation)",
        querystring: z.object({ orgId: z.uuid().optional() }),
        response: { 200: z.array(ZOrganisationApiToken), ...errorResponses },
      },
    },
    async (request) =>
      (await listOrganisationApiTokens(contextOf(deps, request), request.query.orgId)).map(
        presentOrganisationToken,
      ),
  );

  app.delete(
    "/api/users/tokens/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Revoke an API token acting for your organisation, whoever holds it (administrators)",
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeOrganisationApiToken(contextOf(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/users/:userId/unlock",
    {
      schema: {
        tags: ["users"],
        summary: "Lift a lock-out after wrong passwords",
        params: z.object({ userId: z.uuid() }),
        response: { 200: ZUser, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(deps, request);
      return presentUser(await unlockUser(ctx, request.params.userId), ctx.actor, ctx.now());
    },
  );
};
