/**
 * Fixed-window counters for the public endpoints, one window per key (an address, a receipt, a phone).
 * Several keys are checked per request, so one busy address (a town behind one NAT) does not decide
 * alone. Pure: the caller passes the clock.
 */
type RateLimit = { max: number; windowMs: number };
type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateWindows {
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #limit: RateLimit;

  constructor(limit: RateLimit) {
    this.#limit = limit;
  }

  hit(key: string, nowMs: number): RateDecision {
    if (this.#limit.max <= 0) return { allowed: true };
    const window = this.#windows.get(key);
    if (!window || nowMs - window.start >= this.#limit.windowMs) {
      if (this.#windows.size > 100_000) this.#sweep(nowMs);
      this.#windows.set(key, { start: nowMs, count: 1 });
      return { allowed: true };
    }
    if (window.count >= this.#limit.max) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.#limit.windowMs - nowMs) / 1000)),
      };
    }
    window.count += 1;
    return { allowed: true };
  }

  #sweep(nowMs: number) {
    for (const [key, window] of this.#windows) {
      if (nowMs - window.start >= this.#limit.windowMs) this.#windows.delete(key);
    }
  }
}
