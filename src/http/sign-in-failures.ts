import { DomainError } from "../core/shared/errors.ts";

/**
 * Failed sign-ins per address, whatever the account: the per-account lock-out stops many passwords tried on
 * one account, this stops one password tried on every account (password spraying). An office behind one
 * address is refused only after `limit` failures within the window, and only until they age out.
 */
export const signInFailures = (limit = 20, windowMs = 15 * 60_000) => {
  const failures = new Map<string, number[]>();
  const recent = (address: string, now: number): number[] =>
    (failures.get(address) ?? []).filter((at) => now - at < windowMs);
  return {
    assertAllowed: (address: string, now: number): void => {
      const kept = recent(address, now);
      if (kept.length === 0) failures.delete(address);
      else failures.set(address, kept);
      const oldest = kept[0];
      if (kept.length >= limit && oldest !== undefined) {
        const minutes = Math.ceil((oldest + windowMs - now) / 60_000);
        throw new DomainError(
          "rate_limited",
          `Too many failed sign-ins from this address: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        );
      }
    },
    recordFailure: (address: string, now: number): void => {
      failures.set(address, [...recent(address, now), now]);
    },
  };
};
