import type { LightMyRequestResponse } from "fastify";
import { loadConfig } from "../../src/config.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { Db } from "../../src/db/types.ts";
import { type App, buildApp } from "../../src/http/app.ts";
import { tempDir } from "./temp-dir.ts";

/**
 * The app on a database; given the whole handle (not only `db`) it can also run data imports. `env` is
 * configuration as the environment would give it; `now` a clock to replace the real one.
 */
export const testApp = (
  database: Db | DatabaseHandle,
  { now, env = {} }: { now?: () => Date; env?: Record<string, string> } = {},
): Promise<App> => {
  const handle = "copyCsvInto" in database ? database : undefined;
  return buildApp({
    db: handle ? handle.db : (database as Db),
    // Its own data directory: files a server keeps there (e.g. a development key) stay out of the checkout.
    config: {
      ...loadConfig({ dataDir: tempDir("app") }, env),
      secureCookies: false,
    },
    ...(now ? { now } : {}),
    ...(handle ? { handle } : {}),
  });
};

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A signed-in browser: keeps the session cookie and sends the CSRF token on writes, like the web app. */
export type ApiSession = {
  request: (method: Method, url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  csrfToken: string;
  sessionCookie: string;
};

export const signIn = async (app: App, email: string, password: string): Promise<ApiSession> => {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "continuum_session");
  if (!cookie) throw new Error("no session cookie");
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return {
    csrfToken,
    sessionCookie: cookie.value,
    request: (method, url, payload) =>
      app.inject({
        method,
        url,
        cookies: { continuum_session: cookie.value },
        headers: method === "GET" ? {} : { "x-csrf-token": csrfToken },
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
  };
};
