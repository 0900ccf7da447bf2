import type { DensePanel } from "./panel.ts";

/** Months of calm before the origin that make any later violence an onset rather than continuing conflict. */
const onsetCalmMonths = 24;

/**
 * True when the country had zero state-based deaths in each of the 24 months up to and including the origin
 * (`month`, relative to the panel start). Months before the country existed count as calm.
 */
export const isOnsetEligible = (panel: DensePanel, unit: number, month: number): boolean => {
  for (let k = 0; k < onsetCalmMonths; k++) {
    const m = month - k;
    if (m < 0) break;
    const v = panel.sb[unit * panel.nMonths + m] as number;
    if (v > 0) return false;
  }
  return true;
};
