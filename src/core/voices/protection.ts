import { priogridCell, priogridGid } from "../data/priogrid.ts";

/** A location as shown outside the receiving organisation: the centre of its PRIO-GRID cell (~55 km). */
export const coarsenLocation = (
  latitude: number | null,
  longitude: number | null,
): { latitude: number | null; longitude: number | null; priogridGid: number | null } => {
  if (latitude === null || longitude === null) return { latitude: null, longitude: null, priogridGid: null };
  const gid = priogridGid(latitude, longitude);
  const cell = priogridCell(gid);
  return { latitude: cell.lat, longitude: cell.lon, priogridGid: gid };
};

/**
 * Small-cell suppression for aggregates that leave the receiving organisation: a cell counting fewer
 * than k reports could point at the few people who reported, so its count is withheld (null).
 */
export const suppressSmallCells = <T extends { count: number }>(
  cells: readonly T[],
  k: number,
): (Omit<T, "count"> & { count: number | null; suppressed: boolean })[] =>
  cells.map((cell) =>
    cell.count < k ? { ...cell, count: null, suppressed: true } : { ...cell, suppressed: false },
  );
