import { authorize } from "../../core/access/policies.ts";
import { referenceDatasets } from "../../core/data/reference-datasets.ts";
import { invalid } from "../../core/shared/errors.ts";
import { type MonthKey, monthIndex, monthKey } from "../../core/shared/months.ts";
import {
  type TStartCellForecast,
  ZStartCellForecast,
} from "../../core/warning/cells/cell-forecast.schemas.ts";
import { cellEventsEnd, loadCellEvents } from "../../repositories/warning/cell-events.repository.ts";
import {
  type CellForecastRunRow,
  findCellForecastRun,
  insertCellForecastRun,
} from "../../repositories/warning/cell-forecast-runs.repository.ts";
import { cellModelVersion, panelDatasetVersions } from "../../repositories/warning/model-provenance.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { enqueueModelJob, runModelTask } from "./model-jobs.ts";
import { type CellForecast, type CellModelStep, cellModelDefaults } from "./train-cell-model.ts";

/** The origin asked for, or the last month the GED data cover; never after it (later months are unknown). */
const originOf = (last: MonthKey, iso3: string, requested?: MonthKey): MonthKey => {
  if (requested && monthIndex(requested) > monthIndex(last))
    throw invalid(`The GED data run to ${last}; no cell forecast for ${iso3} after it.`, [
      {
        field: "origin",
        message: `must be ${last} or earlier: no events are held after it`,
        value: requested,
      },
    ]);
  return requested ?? last;
};

/**
 * Trains the cell model of one country at the origin on its GED events dated at or before it, forecasts
 * P(≥1 state-based death) per cell for 1..maxHorizon months, and stores the run with its forecasts.
 */
export const forecastCells = async (
  ctx: ServiceContext,
  raw: TStartCellForecast,
  onStep?: (step: CellModelStep, detail: string) => void,
): Promise<{ run: CellForecastRunRow; forecasts: CellForecast[] }> => {
  authorize(ctx.actor, "forecast.run");
  const input = ZStartCellForecast.parse(raw);
  const events = await loadCellEvents(ctx.db, input.iso3);
  if (events.length === 0)
    throw invalid(`No GED events with a cell are held for ${input.iso3}.`, [
      {
        field: "iso3",
        message: "cell forecasts cover only countries with imported GED events",
        value: raw.iso3,
      },
    ]);
  const end = (await cellEventsEnd(ctx.db)) ?? monthKey(Math.max(...events.map((e) => monthIndex(e.month))));
  const origin = originOf(end, input.iso3, input.origin);
  // On the model thread, queued with the country forecasts and backtests: two trainings never compete for
  // the cores, and the server keeps answering while a country trains.
  const fitted = await enqueueModelJob(() =>
    runModelTask({ kind: "cells", events, origin, maxHorizon: input.maxHorizon }, undefined, onStep),
  );
  if (fitted.kind === "cells-refused")
    throw invalid(`No cell forecast for ${input.iso3} from ${origin}.`, [
      { field: "origin", message: fitted.reason, value: origin },
    ]);
  if (fitted.kind !== "cells") throw new Error("the model worker answered a different task");
  const id = await inTransaction(ctx, async (tx) => {
    const run = {
      iso3: input.iso3,
      origin,
      maxHorizon: input.maxHorizon,
      modelVersion: cellModelVersion(),
      parameters: { ...cellModelDefaults, maxHorizon: input.maxHorizon },
      datasetVersions: await panelDatasetVersions(tx.db, new Set([referenceDatasets.events])),
      trainingRows: fitted.trainingRows,
      trigger: ctx.via,
      requestedBy: ctx.actorLabel,
    };
    const id = await insertCellForecastRun(tx.db, run, fitted.forecasts);
    await audit(tx, {
      action: "cell_forecast_run.create",
      entityType: "cell_forecast_runs",
      entityId: id,
      after: {
        iso3: input.iso3,
        origin,
        maxHorizon: input.maxHorizon,
        cells: fitted.cells,
      },
    });
    return id;
  });
  const run = await findCellForecastRun(ctx.db, { id });
  if (!run) throw new Error("the stored cell forecast run was not found");
  return { run, forecasts: fitted.forecasts };
};
