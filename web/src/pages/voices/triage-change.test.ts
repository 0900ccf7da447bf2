import { describe, expect, it } from "vitest";
import { triageChange } from "./triage-change.ts";
import type { ReportDetail } from "./voices-api.ts";

const flagged = "24fef8b6-2c2b-4d18-8445-f6931f650332";
const report = { possibleDuplicateOf: flagged } as ReportDetail;
const form = (fields: Record<string, string>) => ({
  status: "",
  duplicateOf: flagged,
  category: "",
  clearance: "",
  assign: "",
  note: "",
  ...fields,
});

describe("a triage of a report flagged as a possible duplicate", () => {
  it("verifies it without naming the flagged original the field was filled with", () => {
    expect(triageChange(form({ status: "verified", note: "checked with a partner" }), report)).toEqual({
      status: "verified",
      note: "checked with a partner",
    });
  });

  it("marks it a duplicate of the flagged original, typed short or left as filled in", () => {
    expect(triageChange(form({ status: "duplicate" }), report)).toEqual({
      status: "duplicate",
      duplicateOf: flagged,
    });
    expect(triageChange(form({ status: "duplicate", duplicateOf: "24FEF8B6" }), report)).toEqual({
      status: "duplicate",
      duplicateOf: flagged,
    });
  });

  it("sends an original typed by hand, so that the server can ask for the duplicate status too", () => {
    const other = "0ae17dae-cdd4-4158-8238-a1156b6c3232";
    expect(triageChange(form({ duplicateOf: other }), report)).toEqual({ duplicateOf: other });
  });
});
