import { describe, expect, it } from "vitest";
import { redactSecrets } from "./audit.schemas.ts";

describe("redactSecrets", () => {
  it("removes passwords and token digests at any depth", () => {
    expect(redactSecrets({ email: "a@b.c", passwordHash: "x", nested: [{ token: "t", ok: 1 }] })).toEqual({
      email: "a@b.c",
      passwordHash: "[redacted]",
      nested: [{ token: "[redacted]", ok: 1 }],
    });
  });

  it("keeps dates as ISO timestamps rather than empty objects", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    expect(JSON.parse(JSON.stringify(redactSecrets({ createdAt: at })))).toEqual({
      createdAt: at.toISOString(),
    });
  });
});
