import { z } from "zod";
import { ZDayOrInstant } from "../shared/calendar.schemas.ts";

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  orgId: z.uuid().nullable(),
  via: z.enum(["api", "cli", "system"]),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** The entry is about a protected record the reader may not see: `before` and `after` are left out. */
  withheld: z.boolean(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

/** A day (`2026-01-01`, UTC) or an instant with its offset; a day runs from its first to its last moment. */
const instant = (edge: "start" | "end") =>
  ZDayOrInstant.transform((v) =>
    v.length === 10 ? `${v}T${edge === "start" ? "00:00:00.000" : "23:59:59.999"}Z` : v,
  );

const ZAuditFilter = z.object({
  /** The organisation whose log to read: platform administrators read any; others only their own. */
  orgId: z.uuid().optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  /** Part of the actor's name or e-mail, any case. */
  actor: z.string().max(200).optional(),
  via: z.enum(["api", "cli", "system"]).optional(),
  since: instant("start").optional(),
  until: instant("end").optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(100),
  beforeId: z.coerce.number().int().positive().optional(),
});

/** A range that ends before it starts would match nothing, and say so only by an empty answer. */
const rangeInOrder = (query: { since?: string | undefined; until?: string | undefined }): boolean =>
  !query.since || !query.until || Date.parse(query.since) <= Date.parse(query.until);
const rangeRefusal = { path: ["until"], message: "must not be before since" };

export const ZAuditQuery = ZAuditFilter.refine(rangeInOrder, rangeRefusal);
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/**
 * The export is the whole log that matches, unless a limit is asked for: an archive cut at a default size would
 * look complete and silently lack its oldest entries.
 */
export const ZAuditExportQuery = ZAuditFilter.extend({
  limit: z.coerce.number().int().min(1).optional(),
}).refine(rangeInOrder, rangeRefusal);
export type TAuditExportQuery = z.infer<typeof ZAuditExportQuery>;

/** The actions and record types found in the log, to filter by. */
export const ZAuditFacets = z.object({ actions: z.array(z.string()), entityTypes: z.array(z.string()) });
export type TAuditFacets = z.infer<typeof ZAuditFacets>;

/** Secrets never enter the log, whatever record they sit in. */
const secretKeys = new Set(["password", "passwordHash", "password_hash", "token", "tokenHash", "token_hash"]);

export const redactSecrets = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      secretKeys.has(key) ? "[redacted]" : redactSecrets(inner),
    ]),
  );
};
