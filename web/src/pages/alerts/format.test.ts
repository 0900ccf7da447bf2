import { describe, expect, it } from "vitest";
import { share } from "./format.ts";

describe("measures' shares", () => {
  it("are written as the reader's language writes a percentage", () => {
    expect(share(1, "en")).toBe("100%");
    expect(share(0.667, "fr")).toBe("67\u00a0%");
    expect(share(null, "fr")).toBe("—");
  });
});
