import { z } from "zod";
import { ZCreateOrganisation, ZOrganisation } from "../../core/organisations/organisation.schemas.ts";
import { createOrganisation } from "../../services/organisations/create-organisation.ts";
import { listOrganisations } from "../../services/organisations/list-organisations.ts";
import { contextOf } from "../context.ts";
import { presentOrganisation } from "../presenters/organisation.presenter.ts";
import { errorResponses } from "../schemas.ts";
import type { AppRoutes } from "./types.ts";

export const organisationRoutes: AppRoutes = (app, deps) => {
  app.get(
    "/api/organisations",
    {
      schema: {
        tags: ["organisations"],
        summary: "The directory of organisations",
        response: { 200: z.array(ZOrganisation), ...errorResponses },
      },
    },
    async (request) => (await listOrganisations(contextOf(deps, request))).map(presentOrganisation),
  );

  app.post(
    "/api/organisations",
    {
      schema: {
        tags: ["organisations"],
        summary: "Add an organisation (platform administrators)",
        body: ZCreateOrganisation,
        response: { 201: ZOrganisation, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentOrganisation(await createOrganisation(contextOf(deps, request), request.body))),
  );
};
