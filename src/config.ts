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
  voices: VoicesConfig;
};

/** Community reports (README → Voices). Rates are per window; 0 turns a limit off (benchmarks only). */
export type VoicesConfig = {
  /** Base64 of 32 bytes; unset → a development key generated into the data directory. */
  key: string | undefined;
  /** Earlier master keys, still accepted for unwrapping until `continuum voices rotate-key` re-wraps. */
  previousKeys: string[];
  /** Shared secret of the SMS gateway's HMAC-SHA256 signatures; unset → the SMS webhook is closed. */
  smsSecret: string | undefined;
  /** Slug of the organisation that receives web, API and SMS reports (default: the host organisation). */
  receivingOrg: string;
  /** Smallest count shown in aggregates leaving the receiving organisation. */
  minCellCount: number;
  ratePerAddress: number;
  ratePerReceipt: number;
  ratePerPhone: number;
  rateWindowSeconds: number;
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
    voices: {
      key: env.CONTINUUM_VOICES_KEY || undefined,
      previousKeys: (env.CONTINUUM_VOICES_PREVIOUS_KEYS ?? "").split(",").filter(Boolean),
      smsSecret: env.CONTINUUM_VOICES_SMS_SECRET || undefined,
      receivingOrg: env.CONTINUUM_VOICES_ORG || "continuum",
      minCellCount: whole(env.CONTINUUM_VOICES_MIN_CELL, 5),
      ratePerAddress: whole(env.CONTINUUM_VOICES_RATE_ADDRESS, 300),
      ratePerReceipt: whole(env.CONTINUUM_VOICES_RATE_RECEIPT, 20),
      ratePerPhone: whole(env.CONTINUUM_VOICES_RATE_PHONE, 10),
      rateWindowSeconds: whole(env.CONTINUUM_VOICES_RATE_WINDOW, 600),
    },
  };
};

const whole = (text: string | undefined, fallback: number): number => {
  const value = Number(text);
  return text && Number.isInteger(value) && value >= 0 ? value : fallback;
};

const isLoopback = (host: string) => host === "localhost" || host === "::1" || host.startsWith("127.");
