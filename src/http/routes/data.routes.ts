import fastifyMultipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { authorize } from "../../core/access/policies.ts";
import {
  ZCountry,
  ZCountryDetail,
  ZDataStatus,
  ZImportJob,
  ZImportKindColumns,
  ZImportOptions,
  ZIso3Code,
} from "../../core/data/data.schemas.ts";
import { IMPORT_KIND_COLUMNS } from "../../core/data/import/columns.ts";
import { IMPORT_KINDS } from "../../core/data/import/types.ts";
import { invalid } from "../../core/shared/errors.ts";
import type { DatabaseHandle } from "../../db/engine.ts";
import { createUploadFolder, type UploadFolder } from "../../repositories/data/upload-folder.ts";
import { dataStatus } from "../../services/data/data-status.ts";
import type { ImportDatasetInput } from "../../services/data/import-dataset.ts";
import { getImportJob, startImportJob } from "../../services/data/import-jobs.ts";
import { getCountry, listCountries } from "../../services/data/query-data.ts";
import { readableDatasetIds } from "../../services/data/readable-datasets.ts";
import { bundledDatasetIds } from "../../services/data/shared-datasets.ts";
import type { ServiceContext } from "../../services/shared/context.ts";
import { contextOf } from "../context.ts";
import {
  presentCountry,
  presentCountryDetail,
  presentDataStatus,
  presentImportJob,
} from "../presenters/data.presenter.ts";
import { errorResponses } from "../schemas.ts";
import { dataTags } from "./data-params.ts";
import type { AppRoutes } from "./types.ts";

const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/** Saves the multipart upload's one file into `folder` and collects its fields. */
const receiveUpload = async (
  request: FastifyRequest,
  folder: UploadFolder,
): Promise<{ file: string; fields: Record<string, string> }> => {
  const fields: Record<string, string> = {};
  let saved: string | null = null;
  for await (const part of request.parts()) {
    if (part.type === "file") {
      saved = await folder.save(part.filename || "upload.csv", part.file);
      if (part.file.truncated)
        throw invalid("The file is too large.", [
          { field: "file", message: `at most ${MAX_UPLOAD_BYTES / 1_048_576} MB` },
        ]);
    } else if (typeof part.value === "string") {
      fields[part.fieldname] = part.value;
    }
  }
  if (!saved) throw invalid("No file was sent.", [{ field: "file", message: "required" }]);
  return { file: saved, fields };
};

/** The import's options from the form's fields; an empty field is one left out. */
const importInput = (fields: Record<string, string>): Omit<ImportDatasetInput, "file"> => {
  const options = ZImportOptions.strict().parse(
    Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== "")),
  );
  return {
    kind: options.kind,
    ...(options.datasetId ? { datasetId: options.datasetId } : {}),
    ...(options.title ? { title: options.title } : {}),
    ...(options.version ? { version: options.version } : {}),
    ...(options.licence ? { licence: options.licence } : {}),
    ...(options.licenceUrl ? { licenceUrl: options.licenceUrl } : {}),
    ...(options.citation ? { citation: options.citation } : {}),
    ...(options.source ? { source: options.source } : {}),
    ...(options.coverage ? { coverage: options.coverage } : {}),
    indicators: {
      ...(options.indicator ? { indicator: options.indicator } : {}),
      ...(options.unit ? { unit: options.unit } : {}),
    },
    ...(options.mode ? { mode: options.mode } : {}),
  };
};

/**
 * Saves the upload in a folder of its own and starts its import. The job removes the folder when it ends;
 * until the job has started nothing else would, so a failure before (too large, bad field) removes it here.
 */
const startUploadedImport = async (
  request: FastifyRequest,
  ctx: ServiceContext,
  handle: DatabaseHandle,
): ReturnType<typeof startImportJob> => {
  const folder = await createUploadFolder();
  try {
    const { file, fields } = await receiveUpload(request, folder);
    return await startImportJob(ctx, handle, { ...importInput(fields), file }, folder.remove);
  } catch (error) {
    await folder.remove();
    throw error;
  }
};

/** Countries, the datasets held, and imports, for every signed-in person. */
export const dataRoutes: AppRoutes = (app, deps) => {
  void app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } });
  const signedIn = (request: Parameters<typeof contextOf>[1]) => contextOf(deps, request);

  app.get(
    "/api/data/countries",
    {
      schema: {
        tags: dataTags,
        summary: "Countries (ISO 3166 with GW codes, capitals)",
        querystring: z.object({
          q: z.string().max(100).optional(),
          independent: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: z.array(ZCountry), ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      const rows = await listCountries(deps.db, {
        ...(request.query.q ? { search: request.query.q } : {}),
        independentOnly: request.query.independent === "true",
      });
      return rows.map(presentCountry);
    },
  );

  app.get(
    "/api/data/countries/:iso3",
    {
      schema: {
        tags: dataTags,
        summary: "One country with its Gleditsch–Ward crosswalk and capitals",
        params: z.object({ iso3: ZIso3Code }),
        response: { 200: ZCountryDetail, ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      return presentCountryDetail(await getCountry(deps.db, request.params.iso3));
    },
  );

  app.get(
    "/api/data/status",
    {
      schema: {
        tags: dataTags,
        summary: "The datasets held: versions, row counts, spans, licences, citations and replacements",
        response: { 200: ZDataStatus, ...errorResponses },
      },
    },
    async (request) => {
      return presentDataStatus(
        await dataStatus(deps.db, await readableDatasetIds(signedIn(request))),
        bundledDatasetIds(),
      );
    },
  );

  app.get(
    "/api/data/import-kinds",
    {
      schema: {
        tags: dataTags,
        summary: "The file kinds an import accepts and the columns each reads",
        response: { 200: z.array(ZImportKindColumns), ...errorResponses },
      },
    },
    async (request) => {
      signedIn(request);
      return IMPORT_KINDS.map((kind) => ({
        kind,
        ...IMPORT_KIND_COLUMNS[kind],
        required: [...IMPORT_KIND_COLUMNS[kind].required],
        optional: [...IMPORT_KIND_COLUMNS[kind].optional],
      }));
    },
  );

  app.post(
    "/api/data/imports",
    {
      schema: {
        tags: dataTags,
        summary: "Upload a file to import (multipart/form-data: `file` plus the fields below)",
        description:
          "Fields: kind (ged, views-cm, acd, peace-agreements, acled, indicators, hxl), and optionally datasetId, title, version, licence, licenceUrl, citation, source, coverage (observed|world), indicator, unit (of an indicators file's values), mode (update: the default for tables, writes the file's rows and keeps the rest; replace: the dataset becomes the file; event files always replace). " +
          "Answers 202 with the running job (poll GET /api/data/imports/{id}); with ?wait=true answers 200 when the import has finished, with its report. " +
          "A refused file is a finished job whose report has ok=false and lists the first 100 problems (file, line, column, value, reason).",
        consumes: ["multipart/form-data"],
        querystring: z.object({ wait: z.enum(["true", "false"]).default("false") }),
        response: { 200: ZImportJob, 202: ZImportJob, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      // Refused before a byte is written: every signed-in person reaches this route, not all may import.
      authorize(ctx.actor, "data.import");
      if (!deps.handle) throw new Error("This server was started without bulk database access.");
      if (!request.isMultipart())
        throw invalid("Send the file as multipart/form-data.", [{ field: "file", message: "required" }]);
      const { job, finished } = await startUploadedImport(request, ctx, deps.handle);
      if (request.query.wait === "true") return reply.code(200).send(presentImportJob(await finished));
      return reply.code(202).send(presentImportJob(job));
    },
  );

  app.get(
    "/api/data/imports/:id",
    {
      schema: {
        tags: dataTags,
        summary: "An import job you started: progress in bytes, then its report",
        params: z.object({ id: z.uuid() }),
        response: { 200: ZImportJob, ...errorResponses },
      },
    },
    async (request) => presentImportJob(getImportJob(signedIn(request), request.params.id)),
  );
};
