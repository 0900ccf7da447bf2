import { resolve } from "node:path";

/** Settings from flags and the environment; flags win. Documented in README.md → Configuration. */
export type Config = {
  dataDir: string;
  databaseUrl: string | undefined;
  host: string;
  port: number;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Marks session cookies Secure; on by default outside loopback development. */
  secureCookies: boolean;
};

export type ConfigOverrides = Partial<Pick<Config, "dataDir" | "databaseUrl" | "host" | "port">>;

export const loadConfig = (overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config => {
  const host = overrides.host ?? env.CONTINUUM_HOST ?? "127.0.0.1";
  return {
    dataDir: resolve(overrides.dataDir ?? env.CONTINUUM_DATA_DIR ?? ".continuum"),
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    host,
    port: overrides.port ?? Number(env.CONTINUUM_PORT ?? env.PORT ?? 3000),
    adminEmail: env.CONTINUUM_ADMIN_EMAIL || undefined,
    adminPassword: env.CONTINUUM_ADMIN_PASSWORD || undefined,
    secureCookies: env.CONTINUUM_SECURE_COOKIES ? env.CONTINUUM_SECURE_COOKIES === "true" : !isLoopback(host),
  };
};

const isLoopback = (host: string) => host === "localhost" || host === "::1" || host.startsWith("127.");
