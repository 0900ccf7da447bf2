import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/engine.ts";
import type { AppDeps } from "../context.ts";

export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** `handle` is there when the server can do bulk work (data imports). */
export type RouteDeps = AppDeps & { config: Config; handle?: DatabaseHandle };

/** Each capability exports one function that registers its routes. */
export type AppRoutes = (app: TypedApp, deps: RouteDeps) => void;
