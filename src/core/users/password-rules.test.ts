import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./password-rules.ts";

describe("passwordWeakness", () => {
  it("refuses repetitive, common and account-derived passwords, and accepts a passphrase", () => {
    expect(passwordWeakness("aaaaaaaaaaaa", "amina@example.org")).toMatch(/different characters/);
    expect(passwordWeakness("121212121212", "amina@example.org")).toMatch(/different characters/);
    expect(passwordWeakness("Password1234", "amina@example.org")).toMatch(/"password"/);
    expect(passwordWeakness("amina.k@example.org", "amina.k@example.org")).toMatch(/e-mail/);
    expect(passwordWeakness("correct-horse-battery", "amina@example.org")).toBeNull();
  });
});
