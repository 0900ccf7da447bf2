import type {
  TCellForecastFormat,
  TCellForecastView,
} from "../../core/warning/cells/cell-forecast.schemas.ts";
import { cellForecastCsv } from "../../core/warning/cells/cell-forecast-csv.ts";
import type {
  CellForecastRunRow,
  StoredCellForecast,
} from "../../repositories/warning/cell-forecast-runs.repository.ts";
import { gridCell, type TableColumn, type TableFile, tableFile } from "./tabular.presenter.ts";

/** A country's cell forecast run and its cells, as the API, the web map and `--json` give them. */
export const presentCellForecast = (
  run: CellForecastRunRow,
  forecasts: readonly StoredCellForecast[],
): TCellForecastView => ({
  run: {
    id: run.id,
    iso3: run.iso3,
    origin: run.origin,
    maxHorizon: run.maxHorizon,
    modelVersion: run.modelVersion,
    trainingRows: run.trainingRows,
    finishedAt: run.finishedAt.toISOString(),
  },
  forecasts: forecasts.map((f) => ({
    priogridGid: f.priogridGid,
    lat: f.lat,
    lon: f.lon,
    month: f.month,
    horizon: f.horizon,
    pGt0: f.pGt0,
  })),
});

const GEOJSON_PROPERTIES: TableColumn<StoredCellForecast & { iso3: string }>[] = [
  { name: "iso3", hxl: "#country+code", value: (f) => f.iso3 },
  { name: "priogrid_gid", hxl: "#loc+code+priogrid", value: (f) => f.priogridGid },
  { name: "lat", hxl: "#geo+lat", value: (f) => f.lat },
  { name: "lon", hxl: "#geo+lon", value: (f) => f.lon },
  { name: "month", hxl: "#date+month", value: (f) => f.month },
  { name: "horizon", hxl: "#indicator+horizon", value: (f) => f.horizon },
  { name: "p_gt0", hxl: "#indicator+probability", value: (f) => Math.round(f.pGt0 * 1e6) / 1e6 },
];

/**
 * A cell forecast run as a download: the CSV is the one `continuum forecast-cells --out` writes; GeoJSON
 * gives each cell-month its 0.5° square with the same columns as properties, for a GIS.
 */
export const cellForecastFile = (
  run: CellForecastRunRow,
  forecasts: readonly StoredCellForecast[],
  format: TCellForecastFormat,
): TableFile => {
  const baseName = `continuum-cells-${run.iso3.toLowerCase()}-${run.origin}`;
  if (format === "csv")
    return {
      body: cellForecastCsv(run.iso3, forecasts),
      contentType: "text/csv; charset=utf-8",
      fileName: `${baseName}.csv`,
    };
  const rows = forecasts.map((f) => ({ ...f, iso3: run.iso3 }));
  return tableFile("geojson", baseName, GEOJSON_PROPERTIES, rows, (f) => gridCell(f.priogridGid));
};
