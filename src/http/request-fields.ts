import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { ErrorDetail } from "../core/shared/errors.ts";

/** The parts of a request a field can come from, as request validation names them (`body.iso3`). */
const PARTS = ["params", "querystring", "body"] as const;
type Part = (typeof PARTS)[number];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const sentIn = (request: FastifyRequest, part: Part): unknown =>
  part === "querystring" ? request.query : request[part];

/** Whether a route's schema for a part of the request declares a top-level field, through wrappers and unions. */
const declares = (schema: z.ZodType, key: string): boolean => {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case "object":
      return Object.hasOwn(def.shape as object, key);
    case "union":
      return (def.options as z.ZodType[]).some((option) => declares(option, key));
    case "intersection":
      return declares(def.left as z.ZodType, key) || declares(def.right as z.ZodType, key);
    case "pipe":
      return declares(def.in as z.ZodType, key);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
      return declares(def.innerType as z.ZodType, key);
    default:
      return false;
  }
};

/** A form upload: its fields are the body's, though the route reads them itself rather than as `request.body`. */
const isForm = (request: FastifyRequest): boolean =>
  (request.headers["content-type"] ?? "").startsWith("multipart/form-data");

/**
 * The part of the request a field belongs to: the one that carries it, else the one whose schema declares it,
 * else the body of a form upload.
 */
const partOf = (request: FastifyRequest, key: string): Part | undefined => {
  const schemas = (request.routeOptions.schema ?? {}) as Partial<Record<Part, z.ZodType>>;
  return (
    PARTS.find((part) => {
      const sent = sentIn(request, part);
      return isRecord(sent) && Object.hasOwn(sent, key);
    }) ??
    PARTS.find((part) => {
      const schema = schemas[part];
      return schema !== undefined && declares(schema, key);
    }) ??
    (isForm(request) ? "body" : undefined)
  );
};

/**
 * A service names a field as its input does (`iso3`), knowing nothing of HTTP; the API names it by the part of
 * the request it came from, as request validation does (`body.iso3`), so that a client meets one name for one
 * field. A field that is no part of the request (a line of an uploaded file, a setting) keeps its name.
 */
export const inRequestTerms = (request: FastifyRequest, details: readonly ErrorDetail[]): ErrorDetail[] =>
  details.map((detail) => {
    if (namedByPart(request, detail.field)) return detail;
    const part = partOf(request, detail.field.split(".")[0] ?? "");
    return part ? { ...detail, field: `${part}.${detail.field}` } : detail;
  });

/**
 * Whether a field is named by its part already (`body.title`, from the NUL check or a route): the part's
 * name and then a field of that part. A field called `body` (an analysis's text) is not: it has no part before it.
 */
const namedByPart = (request: FastifyRequest, field: string): boolean => {
  const [head, next] = field.split(".");
  return next !== undefined && PARTS.some((part) => part === head && partOf(request, next) === part);
};
