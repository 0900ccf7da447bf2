import { describe, expect, it } from "vitest";
import { bringForwardReason, parseReasons, reasonSeenBy } from "./schedule.ts";

describe("reasonSeenBy", () => {
  it("keeps the forecast and rests the alert part only on an alert the reader may see", () => {
    const stored = "forecast p_ge25 0.90 ≥ 0.5; open critical alert";
    expect(reasonSeenBy(stored, null)).toBe("forecast p_ge25 0.90 ≥ 0.5");
    expect(reasonSeenBy(stored, "high")).toBe("forecast p_ge25 0.90 ≥ 0.5; open high alert");
    expect(reasonSeenBy("open critical alert", null)).toBeNull();
  });

  it("adds no alert the schedule was not moved for", () => {
    expect(reasonSeenBy("forecast p_ge25 0.90 ≥ 0.5", "high")).toBe("forecast p_ge25 0.90 ≥ 0.5");
    expect(reasonSeenBy(null, "high")).toBeNull();
  });
});

describe("parseReasons", () => {
  it("reads back every reason the schedule writes, and nothing else", () => {
    const stored = bringForwardReason(
      { probability: 0.72, measure: "p_ge25", topAlertSeverity: "high" },
      { probability: 0.5, severityReached: true },
    );
    expect(parseReasons(stored)).toEqual([
      { kind: "forecast", measure: "p_ge25", probability: 0.72, threshold: 0.5 },
      { kind: "alert", severity: "high" },
    ]);
    expect(parseReasons("open unknown alert; manual")).toEqual([]);
    expect(parseReasons(null)).toEqual([]);
  });
});
