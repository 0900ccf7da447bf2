import { describe, expect, it } from "vitest";
import { type Announcement, nextAnnouncement } from "./progress-announcement.ts";

const names: Record<string, string> = { running: "Running", failed: "Failed" };
const wording = (status: string) => (share: number) =>
  `${names[status]}: ${new Intl.NumberFormat("en", { style: "percent" }).format(share)} done`;

const follow = (steps: [number, number, string][]): string[] => {
  let said: Announcement | null = null;
  return steps.map(([done, total, status]) => {
    said = nextAnnouncement(said, { done, total }, status, wording(status));
    return said.text;
  });
};

describe("the progress a screen reader hears", () => {
  it("says the share the visible count gives, once per quarter of the work", () => {
    expect(follow([[28, 65, "running"]])).toEqual(["Running: 43% done"]);
    expect(
      follow([
        [0, 65, "running"],
        [10, 65, "running"],
        [17, 65, "running"],
        [30, 65, "running"],
        [49, 65, "running"],
      ]),
    ).toEqual([
      "Running: 0% done",
      "Running: 0% done",
      "Running: 26% done",
      "Running: 26% done",
      "Running: 75% done",
    ]);
  });

  it("speaks again when the status changes, and says nothing without progress", () => {
    expect(
      follow([
        [60, 65, "running"],
        [60, 65, "failed"],
      ]),
    ).toEqual(["Running: 92% done", "Failed: 92% done"]);
    const silent = nextAnnouncement(null, null, "running", wording("running"));
    expect(silent.text).toBe("");
    // Unchanged, so the page does not render again for nothing.
    expect(nextAnnouncement(silent, null, "running", wording("running"))).toBe(silent);
  });
});
