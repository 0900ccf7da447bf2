import "../core/shared/validation-messages.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifySchemaCompiler } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/engine.ts";
import type { Db } from "../db/types.ts";
import { recordRefusal } from "../services/audit-log/record-refusal.ts";
import { contextOf } from "./context.ts";
import { registerAuthentication } from "./plugins/authentication.ts";
import { frameworkErrors, registerErrorHandler, routeNotFound } from "./plugins/errors.ts";
import { forbidCachingOfPrivateAnswers } from "./plugins/no-store.ts";
import { refuseNulCharacters } from "./plugins/nul-characters.ts";
import { allRoutes } from "./routes/index.ts";
import { unknownFields } from "./unknown-fields.ts";

type BuildAppOptions = {
  db: Db;
  config: Config;
  now?: () => Date;
  /** Fastify's logger: `serve` logs errors (a 500 names its cause only there); tests stay quiet. */
  logger?: boolean | { level: "error" | "warn" | "info" };
  /** The engine handle, for bulk work (data imports use COPY); without it imports are unavailable. */
  handle?: DatabaseHandle;
  /** Where the built web app is (`npm run build:web` writes web/dist). */
  webRoot?: string;
};

/**
 * Bodies and query strings refuse fields they do not know, at any depth: a misspelt field (`clearence`,
 * `?iso=SYR`, `definition.treshold`) is
 * named in a 400 instead of being dropped, which would store a record more open than asked or answer with
 * every record as if a filter had matched.
 */
const refuseUnknownFields: FastifySchemaCompiler<z.ZodType> = (route) => {
  if (route.httpPart !== "querystring" && route.httpPart !== "body") return validatorCompiler(route);
  const schema = route.schema;
  const knownFieldsOnly = z
    .unknown()
    .superRefine((data, ctx) => {
      for (const path of unknownFields(schema, data))
        ctx.addIssue({
          code: "unrecognized_keys",
          keys: [String(path.at(-1))],
          path: path.slice(0, -1),
        });
    })
    .pipe(schema);
  return validatorCompiler({ ...route, schema: knownFieldsOnly });
};

const builtWebApp = fileURLToPath(new URL("../../web/dist/", import.meta.url));
/** What a browser gets from a server started without the built web app (`npm start` builds it). */
const WEB_APP_NOT_BUILT =
  "The web app is not built: run `npm run build:web` (or start with `npm start`, which builds it), then restart the server. The API answers meanwhile: see /api/docs.\n";

export const buildApp = async ({
  db,
  config,
  now = () => new Date(),
  logger = false,
  handle,
  webRoot = builtWebApp,
}: BuildAppOptions) => {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustedProxies ?? false,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(refuseUnknownFields);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, (request, error) =>
    recordRefusal(contextOf({ db, now }, request), {
      request: `${request.method} ${request.routeOptions.url ?? ""}`,
      params: request.params,
      // Never the body: it may carry what the log must not (a reporter's contact, a password).
      query: request.query,
      reason: error.message,
    }),
  );
  refuseNulCharacters(app);
  forbidCachingOfPrivateAnswers(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        // Served over plain HTTP on purpose (secure cookies off), the browser must not rewrite asset URLs to HTTPS.
        "upgrade-insecure-requests": config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(fastifyCookie);
  // Limits apply per route (sign-in, public intake); a global limit would throttle whole offices behind one NAT.
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Continuum API",
        version: "0.1.0",
        description: "Conflict early warning and early action.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "continuum_session" },
          token: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  registerAuthentication(app, db, now);
  // A route that reads no query string still refuses one (`/api/alerts?status=open` where no filter exists),
  // rather than answering everything as if the filter had matched.
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/") && !route.schema?.querystring)
      route.schema = { ...route.schema, querystring: z.object({}) };
  });
  for (const register of allRoutes) register(app, { db, now, config, ...(handle ? { handle } : {}) });

  const hasWebApp = existsSync(join(webRoot, "index.html"));
  if (hasWebApp) {
    // The top-level files are listed once; the hashed assets by wildcard, so a rebuild's new ones are served
    // without a restart. A wildcard at the root would also swallow unknown API paths.
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, globIgnore: ["assets/**"] });
    await app.register(fastifyStatic, {
      root: join(webRoot, "assets"),
      prefix: "/assets/",
      decorateReply: false,
    });
  }
  // The web app routes on the client: unknown GETs other than API calls and assets get its index.html.
  app.setNotFoundHandler((request, reply) => {
    const page = request.method === "GET" && !/^\/(api|assets)\//.test(request.url);
    if (page && hasWebApp) return reply.type("text/html").sendFile("index.html");
    if (page) return reply.code(503).type("text/plain; charset=utf-8").send(WEB_APP_NOT_BUILT);
    return reply.code(404).send(routeNotFound(request.method, request.url));
  });
  return app;
};

export type App = Awaited<ReturnType<typeof buildApp>>;
