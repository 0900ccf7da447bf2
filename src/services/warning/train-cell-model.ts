import { priogridCell } from "../../core/data/priogrid.ts";
import type { MonthKey } from "../../core/shared/months.ts";
import {
  buildCellFeatureGrid,
  type CellFeatureGrid,
  cellFeatureCount,
} from "../../core/warning/cells/cell-features.ts";
import { buildCellPanel, type CellEvent } from "../../core/warning/cells/cell-panel.ts";
import {
  type CellForecastKey,
  type CellRowOptions,
  cellForecastRows,
  cellRowDefaults,
  cellTrainingRows,
  meanLabel,
} from "../../core/warning/cells/cell-rows.ts";
import * as xgb from "../../repositories/xgboost/xgboost.ts";

export type CellModelOptions = CellRowOptions & { rounds: number; maxDepth: number; eta: number };

/** One booster over all horizons (the horizon a feature): one country trains in seconds on one thread. */
export const cellModelDefaults: CellModelOptions = { ...cellRowDefaults, rounds: 100, maxDepth: 4, eta: 0.1 };

export type CellForecast = CellForecastKey & { lat: number; lon: number; pGt0: number };

export type CellModelResult = {
  grid: CellFeatureGrid;
  forecasts: CellForecast[];
  trainingRows: number;
  /** Share of training rows with a death: the base-rate baseline. */
  baseRate: number;
};

export type CellModelStep = "panel" | "training" | "forecast";

const boosterParams = (o: CellModelOptions): xgb.XgbParams => ({
  objective: "binary:logistic",
  tree_method: "hist",
  max_bin: 64,
  max_depth: o.maxDepth,
  eta: o.eta,
  subsample: 0.8,
  colsample_bytree: 0.8,
  min_child_weight: 5,
  // One thread: idle OpenMP threads spin and slow a neighbouring job (see train-forecast-model.ts).
  nthread: 1,
  // Fixed seed: the same data give the same forecast, which the leakage test relies on.
  seed: 7,
  verbosity: 0,
});

/**
 * Builds the country's cell panel at the origin from events dated at or before it, trains P(≥1 state-based
 * death) and forecasts every cell 1..maxHorizon months ahead. Too few events for the origin is a RangeError,
 * which callers report as such; anything else is a fault.
 */
export const fitCellModel = (
  events: readonly CellEvent[],
  origin: MonthKey,
  options: Partial<CellModelOptions> = {},
  onStep: (step: CellModelStep, detail: string) => void = () => {},
): CellModelResult => {
  const o = { ...cellModelDefaults, ...options };
  const grid = buildCellFeatureGrid(buildCellPanel(events, origin));
  if (grid.panel.forecastCells.length === 0)
    throw new RangeError(`no cell had a state-based death in the ten years to ${origin}`);
  onStep("panel", `${grid.panel.forecastCells.length} cells, ${grid.panel.nMonths} months`);
  const rows = cellTrainingRows(grid, o);
  if (rows.nRows === 0) throw new RangeError(`not enough months of events before ${origin} to train`);
  onStep("training", `${rows.nRows} cell-month rows`);
  const model = xgb.train({ ...rows, nCols: cellFeatureCount, params: boosterParams(o), rounds: o.rounds });
  try {
    const { features, keys } = cellForecastRows(grid, o.maxHorizon);
    onStep("forecast", `${keys.length} cell-months`);
    const p = xgb.predict(model, features);
    const forecasts = keys.map((key, i) => {
      const { lat, lon } = priogridCell(key.priogridGid);
      return { ...key, lat, lon, pGt0: p[i] as number };
    });
    return { grid, forecasts, trainingRows: rows.nRows, baseRate: meanLabel(rows.labels) };
  } finally {
    xgb.free(model);
  }
};
