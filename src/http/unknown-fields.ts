import type { z } from "zod";

type Path = (string | number)[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The paths of fields a request sends that its schema does not know, at any depth. Zod's objects drop such
 * fields silently; a misspelt `definition.treshold` or `clearence` would then store a record other than the
 * one asked for. Only the request's own data is walked: where the schema rewrites its input (a transform) or
 * cannot say which branch applies (a union no branch of which accepts the data), nothing is reported and the
 * parse itself has the last word.
 */
export const unknownFields = (schema: z.ZodType, value: unknown, path: Path = []): Path[] => {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string): z.ZodType => def[key] as z.ZodType;
  switch (def.type) {
    case "object": {
      if (!isRecord(value)) return [];
      const shape = def.shape as Record<string, z.ZodType>;
      const catchall = def.catchall as z.ZodType | undefined;
      return Object.entries(value).flatMap(([key, field]) => {
        const known = shape[key];
        if (known) return unknownFields(known, field, [...path, key]);
        // A strict object (catch-all `never`) refuses the field itself; any other catch-all accepts it.
        return catchall ? [] : [[...path, key]];
      });
    }
    case "array":
      return Array.isArray(value)
        ? value.flatMap((item, i) => unknownFields(inner("element"), item, [...path, i]))
        : [];
    case "record":
      return isRecord(value)
        ? Object.entries(value).flatMap(([key, field]) =>
            unknownFields(inner("valueType"), field, [...path, key]),
          )
        : [];
    case "union": {
      const matching = (def.options as z.ZodType[]).find((option) => option.safeParse(value).success);
      return matching ? unknownFields(matching, value, path) : [];
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return value === undefined || value === null ? [] : unknownFields(inner("innerType"), value, path);
    case "pipe":
      return unknownFields(inner("in"), value, path);
    case "lazy":
      return unknownFields((def.getter as () => z.ZodType)(), value, path);
    default:
      return [];
  }
};
