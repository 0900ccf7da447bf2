import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { DomainError, type ErrorCode, type ErrorDetail } from "../../core/shared/errors.ts";
import { inRequestTerms } from "../request-fields.ts";

const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  not_initialised: 503,
};

type ErrorBody = { error: { code: string; message: string; details: ErrorDetail[] } };

const errorBody = (code: string, message: string, details: ErrorDetail[] = []): ErrorBody => ({
  error: { code, message, details },
});

const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join(".") || "(root)";

type SchemaIssue = { instancePath: string; message?: string; params?: { keys?: unknown } };

/** The fields a schema issue is about: `body.origins.1`, or each unknown key where keys are refused. */
const issueDetails = (context: string, issue: SchemaIssue): ErrorDetail[] => {
  const field = [context, ...issue.instancePath.split("/").filter(Boolean)].join(".");
  const unknownKeys = issue.params?.keys;
  if (Array.isArray(unknownKeys) && unknownKeys.length > 0)
    return unknownKeys.map((key) => ({
      field: `${field}.${String(key)}`,
      message: "not a field of this request",
    }));
  return [{ field, message: issue.message ?? "invalid" }];
};

/** Refusals before any route runs (a malformed or over-long path) in the one error shape, without echoing the path. */
export const frameworkErrors = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => {
  const message =
    error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "a part of the path is too long" : "not a valid path";
  reply
    .code(error.statusCode ?? 400)
    .send(errorBody("validation_failed", "The request is not valid.", [{ field: "path", message }]));
};

/**
 * A PostgreSQL server that is down, restarting or unreachable: the service is unavailable for a while, as
 * `/api/health` says, rather than broken.
 */
const databaseUnreachable = (error: { code?: string; message?: string }): boolean =>
  ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P02", "57P03"].includes(error.code ?? "") ||
  (error.code ?? "").startsWith("08") ||
  /Connection terminated|connect ECONNREFUSED/.test(error.message ?? "");

/** What happens beside the answer when a signed-in person is refused (403): the audit log's entry. */
type OnRefused = (request: FastifyRequest, error: DomainError) => Promise<void>;

/** One error shape for every failure: {"error":{"code","message","details"}}, details naming the field. */
export const registerErrorHandler = (app: FastifyInstance, onRefused?: OnRefused): void => {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.flatMap((issue) =>
        issueDetails(error.validationContext ?? "body", issue),
      );
      // A path whose id cannot exist names no record: not found, like a record that does not exist.
      if (error.validationContext === "params")
        return reply.code(404).send(errorBody("not_found", "Nothing is found at this address.", details));
      return reply.code(400).send(errorBody("validation_failed", "The request is not valid.", details));
    }
    // Raised by a route or a service, a ZodError or DomainError names a field as its input does; the answer
    // names it by the part of the request it came from, as request validation above does.
    if (error instanceof ZodError) {
      const details = error.issues.flatMap((issue) =>
        issue.code === "unrecognized_keys"
          ? issue.keys.map((key) => ({
              field: fieldOf([...issue.path, key]),
              message: "not a field of this request",
            }))
          : [{ field: fieldOf(issue.path), message: issue.message }],
      );
      return reply
        .code(400)
        .send(errorBody("validation_failed", "The request is not valid.", inRequestTerms(request, details)));
    }
    if (error instanceof DomainError) {
      // The refusal stands even if its log entry cannot be written (the database may be what failed).
      if (error.code === "forbidden" && request.auth && onRefused)
        await onRefused(request, error).catch((failure: unknown) => request.log.error(failure));
      return reply
        .code(statusOf[error.code])
        .send(errorBody(error.code, error.message, inRequestTerms(request, error.details)));
    }
    // Text the NUL check cannot see (a body its route parses itself) reaches the database, which refuses
    // the character: still the request's fault, not the server's.
    if (error.code === "22021" || error.code === "22P05") {
      return reply
        .code(400)
        .send(
          errorBody("validation_failed", "The request contains text that cannot be stored.", [
            { field: "body", message: "must not contain the NUL character (U+0000)" },
          ]),
        );
    }
    if (error.statusCode === 429) {
      return reply.code(429).send(errorBody("rate_limited", error.message));
    }
    // The framework's own refusals (unparsable JSON, a media type no route reads, a body too large) are
    // the request's fault too: the documented code, naming the part of the request at fault.
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const field = error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? "content-type" : "body";
      return reply
        .code(error.statusCode)
        .send(
          errorBody("validation_failed", "The request is not valid.", [{ field, message: error.message }]),
        );
    }
    request.log.error(error);
    if (databaseUnreachable(error))
      return reply
        .code(503)
        .send(errorBody("unavailable", "The database does not answer at the moment; try again shortly."));
    return reply.code(500).send(errorBody("internal", "Something went wrong on the server."));
  });
};

export const routeNotFound = (method: string, url: string): ErrorBody =>
  errorBody("not_found", `No route for ${method} ${url.split("?")[0]}.`);
