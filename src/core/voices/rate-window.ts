/**
 * Fixed-window counters for the public endpoints, one window per key (an address, a receipt, a phone).
 * Several keys are checked per request, so one busy address (a town behind one NAT) does not decide
 * alone. Pure: the caller passes the clock.
 */
type RateLimit = { max: number; windowMs: number };
type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateWindows {
  readonly #windows = new Map<string, { start: number; count: number; requests: Set<string> }>();
  readonly #limit: RateLimit;

  constructor(limit: RateLimit) {
    this.#limit = limit;
  }

  /**
   * Counts one request against `key`. A `requestId` already counted in the window (a gateway resending the
   * same message) is let through without counting again: a flaky link must not use up a reporter's messages.
   */
  hit(key: string, nowMs: number, requestId?: string): RateDecision {
    if (this.#limit.max <= 0) return { allowed: true };
    const window = this.#windows.get(key);
    if (!window || nowMs - window.start >= this.#limit.windowMs) {
      if (this.#windows.size > 100_000) this.#sweep(nowMs);
      this.#windows.set(key, { start: nowMs, count: 1, requests: new Set(requestId ? [requestId] : []) });
      return { allowed: true };
    }
    if (requestId && window.requests.has(requestId)) return { allowed: true };
    if (window.count >= this.#limit.max) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.#limit.windowMs - nowMs) / 1000)),
      };
    }
    window.count += 1;
    if (requestId) window.requests.add(requestId);
    return { allowed: true };
  }

  #sweep(nowMs: number) {
    for (const [key, window] of this.#windows) {
      if (nowMs - window.start >= this.#limit.windowMs) this.#windows.delete(key);
    }
  }
}
