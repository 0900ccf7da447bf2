import { priogridCell, priogridGid } from "../data/priogrid.ts";

/** A point as shown outside the receiving organisation: the centre of its PRIO-GRID cell (~55 km). */
export const coarsenPoint = (
  latitude: number,
  longitude: number,
): { latitude: number; longitude: number; priogridGid: number } => {
  const gid = priogridGid(latitude, longitude);
  const cell = priogridCell(gid);
  return { latitude: cell.lat, longitude: cell.lon, priogridGid: gid };
};

/** A location, which a report may lack, as shown outside the receiving organisation. */
export const coarsenLocation = (
  latitude: number | null,
  longitude: number | null,
): { latitude: number | null; longitude: number | null; priogridGid: number | null } =>
  latitude === null || longitude === null
    ? { latitude: null, longitude: null, priogridGid: null }
    : coarsenPoint(latitude, longitude);

/**
 * Small-cell suppression for aggregates that leave the receiving organisation: a cell counting fewer
 * than k reports could point at the few people who reported, so its count is withheld (null).
 *
 * Cells that add up to a total shown elsewhere (the categories of a country-month, whose total the surge
 * rule reports) are grouped by `groupOf`: where a group's withheld cells add up to fewer than k, its
 * smallest shown cells are withheld too, so the total minus the shown cells cannot give a small count away.
 */
export const suppressSmallCells = <T extends { count: number }>(
  cells: readonly T[],
  k: number,
  groupOf?: (cell: T) => string,
): (Omit<T, "count"> & { count: number | null; suppressed: boolean })[] => {
  const withheld = new Set(cells.filter((cell) => cell.count < k));
  if (groupOf) {
    const groups = Map.groupBy(cells, groupOf);
    for (const group of groups.values()) withholdComplements(group, withheld, k);
  }
  return cells.map((cell) =>
    withheld.has(cell) ? { ...cell, count: null, suppressed: true } : { ...cell, suppressed: false },
  );
};

const withholdComplements = <T extends { count: number }>(group: T[], withheld: Set<T>, k: number): void => {
  if (!group.some((cell) => withheld.has(cell))) return;
  let withheldSum = group.filter((cell) => withheld.has(cell)).reduce((sum, cell) => sum + cell.count, 0);
  const shown = group.filter((cell) => !withheld.has(cell)).sort((a, b) => a.count - b.count);
  for (const cell of shown) {
    if (withheldSum >= k) return;
    withheld.add(cell);
    withheldSum += cell.count;
  }
};

/**
 * A surge finding as shown to staff: it counts every organisation's reports, so like any aggregate its
 * figures are withheld when they rest on fewer than k reports (the month's count, or the baseline months'
 * total, which the ratio would give away), and so is the severity, which steps with the ratio.
 */
export const withheldSurgeFigures = <
  T extends { count: number; baseline: number; ratio: number; severity: string },
>(
  finding: T,
  baselineMonths: number,
  k: number,
): Omit<T, "count" | "baseline" | "ratio" | "severity"> & {
  count: number | null;
  baseline: number | null;
  ratio: number | null;
  severity: T["severity"] | null;
} => {
  const smallMonth = finding.count < k;
  const smallBaseline = finding.baseline * baselineMonths < k;
  return {
    ...finding,
    count: smallMonth ? null : finding.count,
    baseline: smallBaseline ? null : finding.baseline,
    ratio: smallMonth || smallBaseline ? null : finding.ratio,
    severity: smallMonth || smallBaseline ? null : finding.severity,
  };
};
