/**
 * Up to this many reports the map draws each one. Beyond, it draws them gathered in grid cells: tens of
 * thousands of single points would cover each other, and take the page seconds to draw.
 */
export const MAP_POINTS_LIMIT = 2000;

/**
 * Cells across and down the reports' extent: on the 960 × 470 map fitted to that extent, about 40 pixels
 * apart, wider than the largest cluster's circle, so that neighbouring clusters can be told apart and clicked.
 */
const COLUMNS = 24;
const ROWS = 12;
/** About a kilometre: reports closer than that stand for one place on any map this page draws. */
const SMALLEST_CELL_DEGREES = 0.01;

export type Extent = { south: number; north: number; west: number; east: number };

/** The side of the grid's square cells, in degrees, for reports spread over this extent. */
export const clusterCellDegrees = ({ south, north, west, east }: Extent): number =>
  Math.max((east - west) / COLUMNS, (north - south) / ROWS, SMALLEST_CELL_DEGREES);
