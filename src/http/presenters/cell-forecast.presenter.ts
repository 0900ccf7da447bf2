import type { TCellForecastView } from "../../core/warning/cells/cell-forecast.schemas.ts";
import type {
  CellForecastRunRow,
  StoredCellForecast,
} from "../../repositories/warning/cell-forecast-runs.repository.ts";

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
