import type { TExportFormat } from "../../core/data/data.schemas.ts";

/** One column of a downloadable table: its CSV header, its HXL hashtag, and how a row gives its value. */
export type TableColumn<T> = {
  name: string;
  hxl: string;
  value: (row: T) => string | number | boolean | null | undefined;
};

export type Geometry =
  | { type: "Point"; coordinates: [number, number] }
  | { type: "Polygon"; coordinates: [number, number][][] };

export type TableFile = { body: string; contentType: string; fileName: string };

const csvCell = (value: string | number | boolean | null | undefined): string => {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: neutralise it, except in plain numbers.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * A view of the data as a file: CSV; HXL (the same CSV with a hashtag row under the header, so
 * humanitarian tools read it); or GeoJSON (one feature per row, the columns as properties; rows without
 * a place get a null geometry, as GeoJSON allows).
 */
export const tableFile = <T>(
  format: TExportFormat,
  baseName: string,
  columns: readonly TableColumn<T>[],
  rows: readonly T[],
  geometry: (row: T) => Geometry | null = () => null,
): TableFile => {
  if (format === "geojson") {
    const features = rows.map((row) => ({
      type: "Feature",
      geometry: geometry(row),
      properties: Object.fromEntries(columns.map((c) => [c.name, c.value(row) ?? null])),
    }));
    return {
      body: JSON.stringify({ type: "FeatureCollection", features }),
      contentType: "application/geo+json; charset=utf-8",
      fileName: `${baseName}.geojson`,
    };
  }
  const lines = [columns.map((c) => csvCell(c.name)).join(",")];
  if (format === "hxl") lines.push(columns.map((c) => c.hxl).join(","));
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(","));
  return {
    body: `${lines.join("\n")}\n`,
    contentType: "text/csv; charset=utf-8",
    fileName: `${baseName}${format === "hxl" ? ".hxl" : ""}.csv`,
  };
};

/** A PRIO-GRID cell as a polygon (0.5° square; cell 1 is the south-west corner). */
export const gridCell = (gid: number): Geometry => {
  const row = Math.floor((gid - 1) / 720);
  const col = (gid - 1) % 720;
  const south = row * 0.5 - 90;
  const west = col * 0.5 - 180;
  return {
    type: "Polygon",
    coordinates: [
      [
        [west, south],
        [west + 0.5, south],
        [west + 0.5, south + 0.5],
        [west, south + 0.5],
        [west, south],
      ],
    ],
  };
};
