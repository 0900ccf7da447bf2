import type { Command } from "commander";
import { cellForecastCsv } from "../../core/warning/cells/cell-forecast-csv.ts";
import { presentCellForecast } from "../../http/presenters/cell-forecast.presenter.ts";
import { backtestCells, type CellBacktestReport } from "../../services/warning/backtest-cells.ts";
import { forecastCells } from "../../services/warning/forecast-cells.ts";
import type { CellModelStep } from "../../services/warning/train-cell-model.ts";
import { assertWritableOutput, writeOutput } from "../output-files.ts";
import { cliContext, globalOptions, numberOption, optionsNamingFields, withDatabase } from "../runtime.ts";

const steps: CellModelStep[] = ["panel", "training", "forecast"];

/** Progress on stderr, so stdout stays clean for the CSV. */
const progress = (step: CellModelStep, detail: string): void => {
  process.stderr.write(`forecast-cells [${steps.indexOf(step) + 1}/${steps.length}] ${step}: ${detail}\n`);
};

const list = (text: string): string[] =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

const three = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : "–");

const printCellBacktest = (report: CellBacktestReport): void => {
  const out: string[] = [];
  for (const fold of report.folds)
    out.push(
      "skipped" in fold
        ? `${fold.iso3} ${fold.origin}: skipped (${fold.skipped})`
        : `${fold.iso3} ${fold.origin}: ${fold.rows} cell-months scored, model trained and forecast in ${fold.seconds.toFixed(1)} s`,
    );
  const table = (title: string, scores: CellBacktestReport["pooled"]) => {
    const first = Object.values(scores)[0]?.pooled;
    out.push("", `${title}, n = ${first?.n ?? 0} cell-months, ${first?.positives ?? 0} with a death`);
    out.push(`${"method".padEnd(14)}${"Brier".padStart(8)}${"ROC AUC".padStart(9)}${"AP".padStart(8)}`);
    for (const [method, s] of Object.entries(scores))
      out.push(
        `${method.padEnd(14)}${three(s.pooled.brier).padStart(8)}${three(s.pooled.auc).padStart(9)}${three(s.pooled.ap).padStart(8)}`,
      );
  };
  table("All countries", report.pooled);
  for (const [iso3, scores] of Object.entries(report.byCountry)) table(iso3, scores);
  out.push(
    "",
    "Brier: squared gap between probability and outcome (lower is better); ROC AUC: chance a cell-month with a death ranked above a calm one (0.5 guessing); AP: average precision (higher is better).",
  );
  process.stdout.write(`${out.join("\n")}\n`);
};

export const registerCellForecasts = (program: Command): void => {
  optionsNamingFields(
    program
      .command("forecast-cells")
      .description(
        "retrain one country's PRIO-GRID cell model at the origin on its GED events dated on or before it, forecast P(≥1 state-based death) per cell for 1..horizon months, store the run, and write iso3,priogrid_gid,lat,lon,month,horizon,p_gt0",
      )
      .requiredOption("--iso3 <code>", "the country (one with imported GED events)")
      .option(
        "--origin <YYYY-MM>",
        "last month of data to use (default: the month of the country's latest event)",
      )
      .option("--horizon <months>", "months ahead to forecast (1–12)", numberOption("horizon"), 12)
      .option("--out <file.csv>", "write the forecasts here (default: standard output)")
      .action(
        async (
          options: { iso3: string; origin?: string; horizon: number; out?: string },
          command: Command,
        ) => {
          const global = globalOptions(command);
          if (options.out) assertWritableOutput(options.out);
          await withDatabase(global, async (handle) => {
            const ctx = await cliContext(handle, global);
            const { run, forecasts } = await forecastCells(
              ctx,
              {
                iso3: options.iso3,
                maxHorizon: options.horizon,
                ...(options.origin ? { origin: options.origin } : {}),
              },
              progress,
            );
            process.stderr.write(`cell forecast run ${run.id} for ${run.iso3} from ${run.origin}\n`);
            const csv = cellForecastCsv(run.iso3, forecasts);
            if (options.out) {
              writeOutput(options.out, csv, `The run is stored as ${run.id}.`);
              process.stderr.write(`Wrote ${forecasts.length} cell forecasts to ${options.out}\n`);
            }
            if (global.json)
              process.stdout.write(`${JSON.stringify(presentCellForecast(run, forecasts), null, 2)}\n`);
            else if (!options.out) process.stdout.write(csv);
          });
        },
      ),
    { maxHorizon: "horizon" },
  );

  optionsNamingFields(
    program
      .command("backtest-cells")
      .description(
        "rolling-origin backtest of the cell forecast: per country and origin, retrain and score P(≥1 death) 1..12 months ahead beside the last-12-months share, no-change and base-rate baselines",
      )
      .requiredOption("--iso3 <list>", "comma-separated countries, e.g. SYR,MEX,MMR,CAF")
      .requiredOption(
        "--origins <list>",
        "comma-separated origins, e.g. 2014-12,2015-12,2016-12,2017-12,2018-12",
      )
      .action(async (options: { iso3: string; origins: string }, command: Command) => {
        const global = globalOptions(command);
        await withDatabase(global, async (handle) => {
          const report = await backtestCells(
            await cliContext(handle, global),
            { iso3s: list(options.iso3).map((c) => c.toUpperCase()), origins: list(options.origins) },
            (done, total, label) => process.stderr.write(`backtest-cells [${done}/${total}] ${label}\n`),
          );
          if (global.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          else printCellBacktest(report);
        });
      }),
    { iso3s: "iso3" },
  );
};
