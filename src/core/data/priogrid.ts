/**
 * PRIO-GRID: 0.5° × 0.5° cells, 720 columns × 360 rows; cell 1 is the south-west corner at (−180, −90).
 * gid = (row − 1) × 720 + col, row = floor((lat + 90) / 0.5) + 1, col = floor((lon + 180) / 0.5) + 1.
 */
const PRIOGRID_COLUMNS = 720;
const PRIOGRID_ROWS = 360;
export const PRIOGRID_CELLS = PRIOGRID_COLUMNS * PRIOGRID_ROWS;

/** The PRIO-GRID cell of a point; points on the north pole or the antimeridian (lon 180) fall in the last row/column. */
export const priogridGid = (lat: number, lon: number): number => {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    throw new RangeError(`No PRIO-GRID cell for latitude ${lat}, longitude ${lon}.`);
  }
  const row = Math.min(Math.floor((lat + 90) / 0.5) + 1, PRIOGRID_ROWS);
  const col = Math.min(Math.floor((lon + 180) / 0.5) + 1, PRIOGRID_COLUMNS);
  return (row - 1) * PRIOGRID_COLUMNS + col;
};

type PriogridCell = {
  gid: number;
  row: number;
  col: number;
  south: number;
  west: number;
  lat: number;
  lon: number;
};

/** Row, column, south-west corner and centre of a cell. */
export const priogridCell = (gid: number): PriogridCell => {
  if (!Number.isInteger(gid) || gid < 1 || gid > PRIOGRID_CELLS)
    throw new RangeError(`No PRIO-GRID cell ${gid}.`);
  const row = Math.floor((gid - 1) / PRIOGRID_COLUMNS) + 1;
  const col = gid - (row - 1) * PRIOGRID_COLUMNS;
  const south = (row - 1) * 0.5 - 90;
  const west = (col - 1) * 0.5 - 180;
  return { gid, row, col, south, west, lat: south + 0.25, lon: west + 0.25 };
};
