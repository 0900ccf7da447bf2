import type { ReportCluster } from "./voices-api.ts";

/** A cluster where the map draws it, in the map's own units. */
export type DrawnCluster = { x: number; y: number; count: number; iso3: string | null };

/**
 * The server's grid cells as the map draws them: cells closer than `spacing` are drawn as one, at their
 * weighted mean place (the largest first take in their neighbours). The server sizes its cells to the
 * reports' extent; a map zoomed out further (to a whole country around a few towns) or shrunk on a phone
 * would otherwise draw them over each other.
 */
export const layoutClusters = (
  clusters: readonly ReportCluster[],
  project: (lonLat: [number, number]) => [number, number] | null,
  spacing: number,
): DrawnCluster[] => {
  const drawn: DrawnCluster[] = [];
  for (const cluster of [...clusters].sort((a, b) => b.count - a.count)) {
    const place = project([cluster.longitude, cluster.latitude]);
    if (!place) continue;
    const [x, y] = place;
    const near = drawn.find((other) => Math.hypot(other.x - x, other.y - y) < spacing);
    if (!near) {
      drawn.push({ x, y, count: cluster.count, iso3: cluster.iso3 });
      continue;
    }
    const count = near.count + cluster.count;
    near.x = (near.x * near.count + x * cluster.count) / count;
    near.y = (near.y * near.count + y * cluster.count) / count;
    near.count = count;
    if (near.iso3 !== cluster.iso3) near.iso3 = null;
  }
  return drawn;
};
