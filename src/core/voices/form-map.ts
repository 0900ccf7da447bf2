/**
 * The public form's clickable map: an equirectangular drawing where one unit is one degree (x = longitude + 180,
 * y = 90 − latitude), so a click becomes coordinates by arithmetic. After a first pick the form shows a closer
 * window around it, 36° × 18°, one tenth of the world map's scale.
 */
export type Point = { lat: number; lon: number };

export const ZOOM = { width: 36, height: 18 } as const;

/** The north-west corner of the closer window around a point, kept inside the world. */
export const zoomWindow = ({ lat, lon }: Point): { west: number; north: number } => ({
  west: Math.min(Math.max(lon - ZOOM.width / 2, -180), 180 - ZOOM.width),
  north: Math.max(Math.min(lat + ZOOM.height / 2, 90), -90 + ZOOM.height),
});

/** A latitude and longitude given as text, if both are numbers on the globe. */
export const pointFrom = (lat: string | undefined, lon: string | undefined): Point | undefined => {
  if (lat === undefined || lon === undefined || lat.trim() === "" || lon.trim() === "") return undefined;
  const point = { lat: Number(lat), lon: Number(lon) };
  return Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180 ? point : undefined;
};

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Where a click on the map image (its x and y in the image's 360 × 180 units) points, on the world map or on
 * the closer window around `zoom`. Undefined for the image's very corner, which is where Enter or Space
 * "clicks": a keyboard, not a place at 90° N, 180° W.
 */
export const clickedPoint = (click: { x: string; y: string }, zoom: Point | undefined): Point | undefined => {
  const x = Math.min(Math.max(Number(click.x) || 0, 0), 360);
  const y = Math.min(Math.max(Number(click.y) || 0, 0), 180);
  if (x === 0 && y === 0) return undefined;
  if (!zoom) return { lat: round(90 - y), lon: round(x - 180) };
  const { west, north } = zoomWindow(zoom);
  return { lat: round(north - (y / 180) * ZOOM.height), lon: round(west + (x / 360) * ZOOM.width) };
};
