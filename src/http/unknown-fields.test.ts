import { describe, expect, it } from "vitest";
import { z } from "zod";
import { unknownFields } from "./unknown-fields.ts";

const ZLink = z.object({
  url: z.string(),
  clearance: z.enum(["public", "restricted"]).default("restricted"),
});
const ZRequest = z.object({
  title: z.string(),
  links: z.array(ZLink).optional(),
  rule: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("threshold"), threshold: z.number(), horizon: z.number().default(3) }),
    z.object({ kind: z.literal("jump"), increase: z.number() }),
  ]),
  labels: z.record(z.string(), z.object({ text: z.string() })).optional(),
  extra: z.object({}).catchall(z.string()).optional(),
});

describe("unknownFields", () => {
  it("finds misspelt fields at any depth, in arrays, union branches and records", () => {
    expect(
      unknownFields(ZRequest, {
        title: "t",
        titel: "t",
        links: [{ url: "a" }, { url: "b", clearence: "public" }],
        rule: { kind: "threshold", threshold: 0.5, horizn: 6 },
        labels: { fr: { text: "x", txt: "y" } },
      }),
    ).toEqual([["titel"], ["links", 1, "clearence"], ["rule", "horizn"], ["labels", "fr", "txt"]]);
  });

  it("accepts what the schema knows, fields a catch-all allows, and data no branch accepts", () => {
    expect(
      unknownFields(ZRequest, {
        title: "t",
        links: [{ url: "a", clearance: "public" }],
        rule: { kind: "jump", increase: 0.1 },
        extra: { anything: "goes" },
      }),
    ).toEqual([]);
    expect(unknownFields(ZRequest, { title: "t", rule: { kind: "horoscope", stars: 5 } })).toEqual([]);
  });
});
