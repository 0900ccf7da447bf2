/**
 * Worker-thread entry for model jobs. Training is synchronous native work (seconds per origin); on the main
 * thread it would stall every HTTP request, so the server and the CLI both hand it to this thread.
 */
import { parentPort } from "node:worker_threads";
import type { MonthKey } from "../../core/shared/months.ts";
import type { CountryForecast } from "../../core/warning/forecast.ts";
import type { WarningPanel } from "../../core/warning/panel.ts";
import { forecastTrainingProgress, type Progress } from "../../core/warning/progress.ts";
import { type BacktestPart, backtestOrigins } from "./backtest.ts";
import { type ForecastOptions, forecast } from "./forecast.ts";

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
  | { kind: "backtest"; panel: WarningPanel; origins: MonthKey[]; options: ForecastOptions };

export type ModelTaskResult =
  | { kind: "forecast"; forecasts: CountryForecast[]; seconds: number }
  | { kind: "backtest"; part: BacktestPart };

export type WorkerMessage =
  | { type: "progress"; progress: Progress }
  | { type: "result"; result: ModelTaskResult }
  | { type: "error"; message: string };

const port = parentPort;
if (port) {
  port.once("message", (task: ModelTask) => {
    try {
      if (task.kind === "forecast") {
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
