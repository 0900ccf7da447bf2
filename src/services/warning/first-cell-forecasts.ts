import type { Db } from "../../db/types.ts";
import { hasCellForecastRun } from "../../repositories/warning/cell-events.repository.ts";
import { systemContext } from "../alerts/system-context.ts";
import { type CellForecastOutcome, forecastCellsEverywhere } from "./forecast-cells-everywhere.ts";

/**
 * The event map's forecast layer should not wait for someone to run the command: while no cell forecast is
 * stored, the platform forecasts the cells of every country with GED events, queued behind the first country
 * forecast. The audit log says "system". Null when cell forecasts are already stored.
 */
export const startFirstCellForecasts = async (
  db: Db,
  now: () => Date,
): Promise<CellForecastOutcome[] | null> => {
  if (await hasCellForecastRun(db)) return null;
  const ctx = await systemContext(db, now, "first cell forecasts from the GED events held");
  if (!ctx) throw new Error("no administrator to run the first cell forecasts as");
  return forecastCellsEverywhere(ctx);
};
