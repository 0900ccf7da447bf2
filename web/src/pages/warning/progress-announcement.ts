import type { TProgress } from "../../../../src/core/warning/warning.schemas.ts";

/** What a run's live region last said, and at which quarter of the work and status it said it. */
export type Announcement = { quarter: number | null; status: string; text: string };

/**
 * What a screen reader hears while a run works: renewed only when the run reaches a new quarter of its work or
 * changes status (a step a second would be chatter), and then with the share actually done, the one the visible
 * count gives (28 of 65 is 43%, not the 25% of the quarter it passed).
 */
export const nextAnnouncement = (
  previous: Announcement | null,
  progress: Pick<TProgress, "done" | "total"> | null,
  status: string,
  word: (share: number) => string,
): Announcement => {
  const share = progress ? Math.min(1, Math.max(0, progress.done / Math.max(progress.total, 1))) : 0;
  const quarter = progress ? Math.floor(4 * share) : null;
  if (previous && previous.quarter === quarter && previous.status === status) return previous;
  return { quarter, status, text: progress ? word(share) : "" };
};
