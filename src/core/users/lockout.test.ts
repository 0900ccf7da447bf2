import { describe, expect, it } from "vitest";
import { afterFailure, isLocked, lockoutPolicy } from "./lockout.ts";

describe("lock-out after repeated wrong passwords", () => {
  const now = new Date("2026-01-01T12:00:00Z");

  it("locks on the fifth failure, for fifteen minutes", () => {
    let state = { failedSignIns: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < lockoutPolicy.maxFailures; i++) {
      state = afterFailure(state, now);
      expect(isLocked(state, now)).toBe(false);
    }
    state = afterFailure(state, now);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 14 * 60_000))).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 16 * 60_000))).toBe(false);
  });
});
