import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { DomainError, type ErrorCode, type ErrorDetail } from "../../core/shared/errors.ts";

const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  not_initialised: 503,
};

export type ErrorBody = { error: { code: string; message: string; details: ErrorDetail[] } };

export const errorBody = (code: string, message: string, details: ErrorDetail[] = []): ErrorBody => ({
  error: { code, message, details },
});

const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join(".") || "(root)";

/** One error shape for every failure: {"error":{"code","message","details"}}, details naming the field. */
export const registerErrorHandler = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        field: `${error.validationContext ?? "body"}${issue.instancePath.replaceAll("/", ".")}`,
        message: issue.message ?? "invalid",
      }));
      return reply.code(400).send(errorBody("validation_failed", "The request is not valid.", details));
    }
    if (error instanceof ZodError) {
      const details = error.issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message }));
      return reply.code(400).send(errorBody("validation_failed", "The request is not valid.", details));
    }
    if (error instanceof DomainError) {
      return reply.code(statusOf[error.code]).send(errorBody(error.code, error.message, error.details));
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
    return reply.code(500).send(errorBody("internal", "Something went wrong on the server."));
  });
};

export const routeNotFound = (method: string, url: string): ErrorBody =>
  errorBody("not_found", `No route for ${method} ${url.split("?")[0]}.`);
