import type { FastifyInstance } from "fastify";
import { invalid } from "../../core/shared/errors.ts";

/** The path to the first text (a value or a key) holding U+0000 in a parsed part of a request, if any. */
const pathToNul = (value: unknown, path: string): string | undefined => {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\u0000")) return path;
    const found = pathToNul(inner, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
};

/**
 * PostgreSQL cannot store U+0000 in text or jsonb, so a request carrying it would fail deep in a handler
 * as a server error. Refusing it once here, before validation, answers every route alike with the field at
 * fault, named as schema validation names it.
 */
export const refuseNulCharacters = (app: FastifyInstance): void => {
  app.addHook("preValidation", async (request) => {
    const parts = { params: request.params, querystring: request.query, body: request.body };
    for (const [name, value] of Object.entries(parts)) {
      const field = pathToNul(value, name);
      if (field)
        throw invalid("The request contains the NUL character, which cannot be stored.", [
          { field, message: "must not contain the NUL character (U+0000)" },
        ]);
    }
  });
};
