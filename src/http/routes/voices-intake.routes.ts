import { z } from "zod";
import { invalid } from "../../core/shared/errors.ts";
import { ZForm, ZSaveForm } from "../../core/voices/form.schemas.ts";
import { ZFormMapping } from "../../core/voices/mapping.ts";
import { buildGazetteer } from "../../services/voices/build-gazetteer.ts";
import { draftMapping } from "../../services/voices/draft-form-mapping.ts";
import { importFormSubmissions, importUshahidi } from "../../services/voices/import-submissions.ts";
import { listForms } from "../../services/voices/list-forms.ts";
import { saveForm } from "../../services/voices/save-form.ts";
import { contextOf } from "../context.ts";
import { presentForm } from "../presenters/voices.presenter.ts";
import { errorResponses } from "../schemas.ts";
import type { VoicesRuntime } from "../voices-guard.ts";
import type { RouteDeps, TypedApp } from "./types.ts";

const ZImportSummary = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  alreadyStored: z.number().int(),
  skipped: z.array(z.object({ row: z.number().int(), problems: z.array(z.string()) })),
});

/** Reports arriving in bulk: KoboToolbox and ODK forms, their submissions, Ushahidi exports, and the gazetteer. */
export const voicesIntakeRoutes = (app: TypedApp, deps: RouteDeps, runtime: VoicesRuntime): void => {
  app.get(
    "/api/voices/forms",
    {
      schema: {
        tags: ["voices"],
        summary: "Import forms of your organisation",
        response: { 200: z.array(ZForm), ...errorResponses },
      },
    },
    async (request) => (await listForms(contextOf(deps, request))).map(presentForm),
  );

  app.post(
    "/api/voices/forms/draft",
    {
      schema: {
        tags: ["voices"],
        summary: "Draft a form's column mapping from its XLSForm sheets (as CSV text); save it with PUT",
        body: z.object({
          survey: z.string().min(1).max(2_000_000),
          choices: z.string().max(2_000_000).default(""),
          iso3: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .optional(),
          category: z.string().max(60).optional(),
        }),
        response: { 200: ZFormMapping, ...errorResponses },
      },
    },
    async (request) => {
      const { survey, choices, iso3, category } = request.body;
      return draftMapping(
        contextOf(deps, request).actor,
        { survey, choices },
        {
          ...(iso3 ? { iso3 } : {}),
          ...(category ? { category } : {}),
        },
      );
    },
  );

  app.put(
    "/api/voices/forms/:formId",
    {
      schema: {
        tags: ["voices"],
        summary: "Save an import form and its column mapping",
        params: z.object({ formId: z.string().max(80) }),
        // A saved form file (`data/bundled/voices/awsd-form.json`) carries its id: it must be the address's.
        body: ZSaveForm.partial({ id: true }),
        response: { 200: ZForm, ...errorResponses },
      },
    },
    async (request) => {
      const { formId } = request.params;
      if (request.body.id !== undefined && request.body.id !== formId)
        throw invalid("The form's id is not the one in the address.", [
          { field: "body.id", message: `must be ${formId}, as in the address`, value: request.body.id },
        ]);
      return presentForm(await saveForm(contextOf(deps, request), { ...request.body, id: formId }));
    },
  );

  app.post(
    "/api/voices/forms/:formId/submissions",
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ["voices"],
        summary: "Import a KoboToolbox/ODK submission export (CSV or JSON text) through the form's mapping",
        params: z.object({ formId: z.string().max(80) }),
        body: z.object({
          format: z.enum(["csv", "json"]),
          content: z.string().min(1),
          skipInvalid: z.boolean().default(false),
        }),
        response: { 200: ZImportSummary, ...errorResponses },
      },
    },
    async (request) => {
      await runtime.placesReady();
      return importFormSubmissions(contextOf(deps, request), runtime, {
        formId: request.params.formId,
        text: request.body.content,
        format: request.body.format,
        skipInvalid: request.body.skipInvalid,
      });
    },
  );

  app.post(
    "/api/voices/imports/ushahidi",
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ["voices"],
        summary: "Import an Ushahidi v2 CSV export",
        body: z.object({ content: z.string().min(1), skipInvalid: z.boolean().default(false) }),
        response: { 200: ZImportSummary, ...errorResponses },
      },
    },
    async (request) => {
      await runtime.placesReady();
      return importUshahidi(contextOf(deps, request), runtime, {
        text: request.body.content,
        skipInvalid: request.body.skipInvalid,
      });
    },
  );

  app.post(
    "/api/voices/gazetteer",
    {
      schema: {
        tags: ["voices"],
        summary: "Rebuild the place-name gazetteer from the loaded events and registry",
        response: {
          200: z.object({ entries: z.number().int(), adminAreas: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      return buildGazetteer(contextOf(deps, request));
    },
  );
};
