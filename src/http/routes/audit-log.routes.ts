import { z } from "zod";
import {
  ZAuditEntry,
  ZAuditExportQuery,
  ZAuditFacets,
  ZAuditQuery,
} from "../../core/audit-log/audit.schemas.ts";
import { listAudit, listAuditFacets } from "../../services/audit-log/list-audit.ts";
import { contextOf } from "../context.ts";
import { presentAuditEntry } from "../presenters/audit-log.presenter.ts";
import { errorResponses } from "../schemas.ts";
import { sendFile } from "../send-file.ts";
import type { AppRoutes } from "./types.ts";

export const auditLogRoutes: AppRoutes = (app, deps) => {
  app.get(
    "/api/audit-log",
    {
      schema: {
        tags: ["audit log"],
        summary: "Who did what, newest first (administrators)",
        querystring: ZAuditQuery,
        response: { 200: z.array(ZAuditEntry), ...errorResponses },
      },
    },
    async (request) => (await listAudit(contextOf(deps, request), request.query)).map(presentAuditEntry),
  );

  app.get(
    "/api/audit-log/facets",
    {
      schema: {
        tags: ["audit log"],
        summary: "The actions and record types found in the entries you may read, to filter by",
        response: { 200: ZAuditFacets, ...errorResponses },
      },
    },
    (request) => listAuditFacets(contextOf(deps, request)),
  );

  app.get(
    "/api/audit-log/export",
    {
      schema: {
        tags: ["audit log"],
        summary: "The audit log as JSON Lines, one entry per line (administrators)",
        querystring: ZAuditExportQuery,
      },
    },
    async (request, reply) => {
      const entries = await listAudit(contextOf(deps, request), request.query);
      return sendFile(reply, {
        body: entries.map((entry) => JSON.stringify(presentAuditEntry(entry))).join("\n"),
        contentType: "application/x-ndjson; charset=utf-8",
        fileName: "continuum-audit-log.jsonl",
      });
    },
  );
};
