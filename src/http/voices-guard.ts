import type { FastifyReply } from "fastify";
import type { Config } from "../config.ts";
import { DomainError } from "../core/shared/errors.ts";
import { RateWindows } from "../core/voices/rate-window.ts";
import type { Db } from "../db/types.ts";
import { ensureGazetteer } from "../services/voices/build-gazetteer.ts";
import { readKeyring } from "../services/voices/open-keyring.ts";
import type { VoicesDeps } from "../services/voices/voices-context.ts";

/**
 * What the public voices endpoints share within one server: the keyring, and the rate windows. Limits are
 * per address (generous: a town may share one NAT address), per receipt code and per phone number, so
 * that no single key can lock out everyone behind it; all come from configuration.
 */
export type VoicesRuntime = VoicesDeps & {
  byAddress: RateWindows;
  byReceipt: RateWindows;
  byPhone: RateWindows;
  keySource: "configured" | "development";
  /** Resolves once the gazetteer matches the loaded data (checked once per server). */
  placesReady: () => Promise<void>;
};

export const voicesRuntime = (config: Config, db: Db): VoicesRuntime => {
  const source = readKeyring(config);
  const windowMs = config.voices.rateWindowSeconds * 1000;
  let ready: Promise<void> | undefined;
  return {
    placesReady: () => {
      ready ??= ensureGazetteer(db).catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      return ready;
    },
    keyring: source.keyring,
    settings: config.voices,
    keySource: source.source,
    byAddress: new RateWindows({ max: config.voices.ratePerAddress, windowMs }),
    byReceipt: new RateWindows({ max: config.voices.ratePerReceipt, windowMs }),
    byPhone: new RateWindows({ max: config.voices.ratePerPhone, windowMs }),
  };
};

/**
 * Counts one request against each key (a resent request with the same id once); the first exhausted key refuses
 * it with 429 and Retry-After.
 */
export const checkRate = (
  reply: FastifyReply,
  nowMs: number,
  checks: readonly [RateWindows, string, requestId?: string][],
): void => {
  for (const [windows, key, requestId] of checks) {
    const decision = windows.hit(key, nowMs, requestId);
    if (!decision.allowed) {
      reply.header("retry-after", String(decision.retryAfterSeconds));
      throw new DomainError(
        "rate_limited",
        `Too many requests; try again in ${decision.retryAfterSeconds} seconds.`,
      );
    }
  }
};
