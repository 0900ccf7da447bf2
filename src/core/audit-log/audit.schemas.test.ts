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
});
