import { resolve } from "node:path";
import type { SmtpSettings } from "./repositories/mailer.ts";

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
  /**
   * Addresses (or CIDR ranges) of the reverse proxies in front of the server, whose X-Forwarded-For is believed:
   * without it every person behind a proxy shares the proxy's address for sign-in and report rate limits.
   */
  trustedProxies: string | undefined;
  /** Outgoing e-mail for notifications; undefined keeps notifications in the app only. */
  smtp: SmtpSettings | undefined;
  /** The address people reach the web app at, for links in e-mails. */
  publicUrl: string;
  /** How often `serve` evaluates alert rules, escalates overdue alerts and sends e-mail (0 turns it off). */
  alertJobSeconds: number;
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
  const port = overrides.port ?? Number(env.CONTINUUM_PORT ?? env.PORT ?? 3000);
  return {
    dataDir: resolve(overrides.dataDir ?? env.CONTINUUM_DATA_DIR ?? ".continuum"),
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    host,
    port,
    adminEmail: env.CONTINUUM_ADMIN_EMAIL || undefined,
    adminPassword: env.CONTINUUM_ADMIN_PASSWORD || undefined,
    secureCookies: env.CONTINUUM_SECURE_COOKIES ? env.CONTINUUM_SECURE_COOKIES === "true" : !isLoopback(host),
    trustedProxies: env.CONTINUUM_TRUSTED_PROXIES || undefined,
    smtp: smtpOf(env),
    publicUrl: env.CONTINUUM_PUBLIC_URL || `http://localhost:${port}/`,
    alertJobSeconds: Number(env.CONTINUUM_ALERT_JOB_SECONDS ?? 60),
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

/** SMTP from CONTINUUM_SMTP_HOST (required to send), _PORT, _SECURE, _USER, _PASSWORD and CONTINUUM_MAIL_FROM. */
const smtpOf = (env: NodeJS.ProcessEnv): SmtpSettings | undefined => {
  const host = env.CONTINUUM_SMTP_HOST;
  if (!host) return undefined;
  const secure = env.CONTINUUM_SMTP_SECURE === "true";
  return {
    host,
    port: Number(env.CONTINUUM_SMTP_PORT ?? (secure ? 465 : 587)),
    secure,
    user: env.CONTINUUM_SMTP_USER || undefined,
    password: env.CONTINUUM_SMTP_PASSWORD || undefined,
    from: env.CONTINUUM_MAIL_FROM || "Continuum <continuum@localhost>",
  };
};
