import { describe, expect, it } from "vitest";
import { isLocked, lockAfterWrong, lockoutPolicy } from "./lockout.ts";

describe("lock-out after repeated wrong passwords", () => {
  const now = new Date("2026-01-01T12:00:00Z");

  it("locks on the fifth wrong password, for fifteen minutes", () => {
    for (let attempt = 1; attempt < lockoutPolicy.maxFailures; attempt++)
      expect(lockAfterWrong(attempt, now)).toBeNull();
    const lockedUntil = lockAfterWrong(lockoutPolicy.maxFailures, now);
    const state = { failedSignIns: 0, lockedUntil };
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 14 * 60_000))).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 16 * 60_000))).toBe(false);
  });
});
