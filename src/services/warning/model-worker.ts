/**
 * Worker-thread entry for model jobs. Training is synchronous native work (seconds per origin); on the main
 * thread it would stall every HTTP request, so the server and the CLI both hand it to this thread.
 */
import { parentPort } from "node:worker_threads";
import type { MonthKey } from "../../core/shared/months.ts";
import type { CellEvent } from "../../core/warning/cells/cell-panel.ts";
import type { CountryForecast } from "../../core/warning/forecast.ts";
import type { WarningPanel } from "../../core/warning/panel.ts";
import { forecastTrainingProgress, type Progress } from "../../core/warning/progress.ts";
import { type BacktestPart, backtestOrigins } from "./backtest.ts";
import { type ForecastOptions, forecast } from "./forecast.ts";
import { type CellForecast, type CellModelStep, fitCellModel } from "./train-cell-model.ts";

export type ModelTask =
  | {
      kind: "forecast";
      panel: WarningPanel;
      origin: MonthKey;
      options: ForecastOptions;
      /** For the progress: how many countries and months are forecast. */
      countries: number;
      months: number;
    }
  | { kind: "backtest"; panel: WarningPanel; origins: MonthKey[]; options: ForecastOptions }
  | { kind: "cells"; events: CellEvent[]; origin: MonthKey; maxHorizon: number };

export type ModelTaskResult =
  | { kind: "forecast"; forecasts: CountryForecast[]; seconds: number }
  | { kind: "backtest"; part: BacktestPart }
  | { kind: "cells"; forecasts: CellForecast[]; trainingRows: number; cells: number }
  /** Too few events for the origin: the caller's refusal to report, not a fault. */
  | { kind: "cells-refused"; reason: string };

export type WorkerMessage =
  | { type: "progress"; progress: Progress }
  | { type: "cell-step"; step: CellModelStep; detail: string }
  | { type: "result"; result: ModelTaskResult }
  | { type: "error"; message: string };

const fitCells = (task: Extract<ModelTask, { kind: "cells" }>, send: (message: WorkerMessage) => void) => {
  try {
    const fitted = fitCellModel(task.events, task.origin, { maxHorizon: task.maxHorizon }, (step, detail) =>
      send({ type: "cell-step", step, detail }),
    );
    const { forecasts, trainingRows } = fitted;
    return { kind: "cells", forecasts, trainingRows, cells: fitted.grid.panel.forecastCells.length } as const;
  } catch (error) {
    if (error instanceof RangeError) return { kind: "cells-refused", reason: error.message } as const;
    throw error;
  }
};

const port = parentPort;
if (port) {
  port.once("message", (task: ModelTask) => {
    try {
      if (task.kind === "cells") {
        const result = fitCells(task, (message) => port.postMessage(message));
        port.postMessage({ type: "result", result } satisfies WorkerMessage);
      } else if (task.kind === "forecast") {
        const started = performance.now();
        const forecasts = forecast(task.panel, task.origin, task.options, (trained) => {
          if (trained < task.months) {
            const progress = forecastTrainingProgress(trained + 1, task.months, task.countries);
            port.postMessage({ type: "progress", progress } satisfies WorkerMessage);
          }
        });
        port.postMessage({
          type: "result",
          result: { kind: "forecast", forecasts, seconds: (performance.now() - started) / 1000 },
        } satisfies WorkerMessage);
      } else {
        const part = backtestOrigins(task.panel, task.origins, task.options, (progress) =>
          port.postMessage({ type: "progress", progress } satisfies WorkerMessage),
        );
        port.postMessage({ type: "result", result: { kind: "backtest", part } } satisfies WorkerMessage);
      }
    } catch (error) {
      port.postMessage({
        type: "error",
        message: error instanceof Error ? error.message : String(error),
      } satisfies WorkerMessage);
    }
  });
}
