import { describe, expect, it } from "vitest";
import { percent } from "./probability-text.ts";

describe("probabilities as text", () => {
  it("never rounds to certainty either way", () => {
    expect(percent(0.998, "en")).toBe(">99%");
    expect(percent(0.0004, "en")).toBe("<0.1%");
    expect(percent(0.996, "fr")).toBe(`>${new Intl.NumberFormat("fr", { style: "percent" }).format(0.99)}`);
    // In Arabic the bound stays one left-to-right piece, so ">" neither moves behind the number nor mirrors.
    expect(percent(0.998, "ar")).toMatch(/^\u2066>.*\u2069$/);
  });

  it("gives small probabilities a decimal and others none", () => {
    expect(percent(0.034, "en")).toBe("3.4%");
    expect(percent(0.5, "en")).toBe("50%");
  });
});
