import { z } from "zod";

/** The error shape, for the OpenAPI document. */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string(), value: z.unknown().optional() })),
  }),
});

export const ZIdParams = z.object({ id: z.uuid() });

export const errorResponses = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody } as const;
