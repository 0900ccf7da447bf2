import { describe, expect, it } from "vitest";
import { shorten } from "./text.ts";

describe("shorten", () => {
  it("leaves a text that fits as it is", () => {
    expect(shorten("Roadblock on the N2", 19)).toBe("Roadblock on the N2");
  });

  it("cuts at the end of a word near the limit, and says it cut", () => {
    const cut = shorten("Families buy water from trucks since the pumping station was damaged", 40);
    expect(cut).toBe("Families buy water from trucks since…");
    expect(cut.length).toBeLessThanOrEqual(40);
  });

  it("cuts inside a word when no word ends near the limit", () => {
    expect(shorten("Antidisestablishmentarianism everywhere", 12)).toBe("Antidisesta…");
  });
});
