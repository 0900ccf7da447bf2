import { type Command, Option } from "commander";
import { referenceOrigins } from "../../core/warning/backtest-report.ts";
import { formatReading } from "../../core/warning/driver-phrases.ts";
import { forecastCsv } from "../../core/warning/forecast-csv.ts";
import type { TDriver, TProgress } from "../../core/warning/warning.schemas.ts";
import {
  presentBacktestRun,
  presentForecastRun,
  presentForecastRunWithEvidence,
  presentWatchlist,
} from "../../http/presenters/warning.presenter.ts";
import { listForecastRuns } from "../../services/warning/list-forecast-runs.ts";
import { readWatchlist } from "../../services/warning/read-watchlist.ts";
import { startBacktestRun } from "../../services/warning/run-backtest.ts";
import { startForecastRun } from "../../services/warning/run-forecast.ts";
import { assertWritableOutput, writeOutput } from "../output-files.ts";
import {
  cliContext,
  globalOptions,
  numberOption,
  optionsNamingFields,
  printRows,
  withDatabase,
} from "../runtime.ts";
import { printBacktest } from "./backtest-table.ts";

/** Progress lines on stderr, so stdout stays clean for the CSV or JSON. */
const progressLine =
  (title: string) =>
  ({ done, total, label }: TProgress): void => {
    process.stderr.write(`${title} [${done}/${total}] ${label}\n`);
  };

const modelOptions = (options: { rounds?: number }) =>
  options.rounds === undefined ? {} : { rounds: options.rounds };

/** Why a run was or was not published; with both flags given, the last one counts (as commander reads them). */
const publication = (published: boolean, asked: boolean | undefined): string =>
  published
    ? ""
    : asked === false
      ? " (stored as an experiment, as --no-publish asks)"
      : " (stored, not published: other settings than the standard ones, or countries of the month before missing at the origin; --publish publishes it)";

/** "violent months in the last 12 months: 12 (+9.1 points)". */
const driverText = (d: TDriver): string => {
  const reading = d.reading ? `: ${formatReading(d.reading, "en")}` : "";
  return `${d.phrase}${reading} (${d.effectPoints >= 0 ? "+" : ""}${d.effectPoints.toFixed(1)} points)`;
};

export const registerWarning = (program: Command): void => {
  optionsNamingFields(
    program
      .command("forecast")
      .description(
        "retrain at the origin on data dated on or before it, forecast every country present at the origin for 1..horizon months, store the run, and write iso3,month,horizon,p_gt0,p_ge25,mean,q10,q50,q90",
      )
      .option(
        "--origin <YYYY-MM>",
        "last month of data to use (default: the latest month nearly every country has)",
      )
      .option("--horizon <months>", "months ahead to forecast", numberOption("horizon"), 12)
      .option("--out <file.csv>", "write the forecasts here (default: standard output)")
      .option(
        "--rounds <n>",
        "boosting rounds (default: the model's own; fewer is faster and rougher)",
        numberOption("rounds"),
      )
      .option(
        "--publish",
        "make this run the forecast everyone sees for its origin, whatever its settings (platform administrators)",
      )
      .option("--no-publish", "keep this run as an experiment, even with the standard settings")
      .action(
        async (
          options: { origin?: string; horizon: number; out?: string; rounds?: number; publish?: boolean },
          command: Command,
        ) => {
          const global = globalOptions(command);
          if (options.out) assertWritableOutput(options.out);
          await withDatabase(global, async (handle) => {
            const ctx = await cliContext(handle, global);
            const started = await startForecastRun(ctx, {
              trigger: "cli",
              ...(options.origin ? { origin: options.origin } : {}),
              maxHorizon: options.horizon,
              options: modelOptions(options),
              ...(options.publish === undefined ? {} : { publish: options.publish }),
              onProgress: progressLine("forecast"),
            });
            process.stderr.write(
              `forecast run ${started.run.id} from ${started.run.origin}${publication(started.run.published, options.publish)}\n`,
            );
            const { run, forecasts } = await started.completion;
            const csv = forecastCsv(forecasts);
            if (options.out) {
              writeOutput(
                options.out,
                csv,
                `The run is stored as ${run.id} (GET /api/warning/forecasts/export?runId=${run.id}).`,
              );
              process.stderr.write(
                `Wrote ${forecasts.length} forecasts (${new Set(forecasts.map((f) => f.iso3)).size} countries × ${run.maxHorizon} months) to ${options.out}\n`,
              );
            }
            if (global.json) process.stdout.write(`${JSON.stringify(presentForecastRun(run), null, 2)}\n`);
            else if (!options.out) process.stdout.write(csv);
          });
        },
      ),
    { maxHorizon: "horizon", "options.rounds": "rounds" },
  );

  program
    .command("forecast-runs")
    .description("forecast runs, newest first, with status and model version")
    .option("--latest-per-origin", "only the published run of each origin (standard settings, full horizon)")
    .option("--limit <n>", "most recent runs to show", numberOption("limit", { min: 1 }), 20)
    .action(async (options: { latestPerOrigin?: boolean; limit: number }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const runs = await listForecastRuns(await cliContext(handle, global), {
          latestPerOrigin: options.latestPerOrigin === true,
          limit: options.limit,
        });
        printRows(global, runs.map(presentForecastRunWithEvidence), [
          "id",
          "origin",
          "status",
          "trigger",
          "published",
          "forecastCount",
          "modelVersion",
          "startedAt",
        ]);
      });
    });

  program
    .command("watchlist")
    .description(
      "countries ranked by forecast risk in the latest published run (or the one from --origin), with the change since the run before",
    )
    .addOption(
      new Option("--measure <measure>", "pGe25 (at least 25 deaths) or pGt0 (at least one death)")
        .choices(["pGe25", "pGt0"])
        .default("pGe25"),
    )
    .option("--horizon <months>", "months ahead", numberOption("horizon"), 1)
    .option("--limit <n>", "countries to list", numberOption("limit"), 20)
    .option("--origin <YYYY-MM>", "the published run from this origin (default: the latest)")
    .action(
      async (
        options: { measure: string; horizon: number; limit: number; origin?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        await withDatabase(global, async (handle) => {
          const view = presentWatchlist(
            await readWatchlist(await cliContext(handle, global), {
              measure: options.measure as "pGe25",
              horizon: options.horizon,
              limit: options.limit,
              ...(options.origin ? { origin: options.origin } : {}),
            }),
          );
          if (global.json) {
            process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
            return;
          }
          process.stderr.write(
            `Run ${view.run.id} from ${view.run.origin}, ${view.horizon} month(s) ahead; change since ${view.previousRun ? `run ${view.previousRun.id} (${view.previousRun.origin}), at the same months ahead (so for an earlier target month)` : "—: no published run from the three months before the origin"}\n`,
          );
          printRows(
            global,
            view.entries.map((e) => ({
              rank: e.rank,
              iso3: e.iso3,
              country: e.name ?? "",
              month: e.month,
              [view.measure]: e[view.measure].toFixed(3),
              // In percentage points, as the web app shows it.
              change_points:
                e.change === null ? "" : `${e.change >= 0 ? "+" : ""}${(100 * e.change).toFixed(1)}`,
              drivers: e.topDrivers.map(driverText).join("; "),
            })),
            ["rank", "iso3", "country", "month", view.measure, "change_points", "drivers"],
          );
        });
      },
    );

  optionsNamingFields(
    program
      .command("backtest")
      .description(
        "rolling-origin backtest: retrain at each origin and score the forecasts beside the no-change, last-12-months and base-rate baselines",
      )
      .requiredOption(
        "--origins <list>",
        `comma-separated origins; the reference backtest uses ${referenceOrigins.join(",")}`,
      )
      .option("--horizon <months>", "months ahead", numberOption("horizon"), 12)
      .option("--rounds <n>", "boosting rounds (default: the model's own)", numberOption("rounds"))
      .action(async (options: { origins: string; horizon: number; rounds?: number }, command: Command) => {
        const global = globalOptions(command);
        await withDatabase(global, async (handle) => {
          const ctx = await cliContext(handle, global);
          const started = await startBacktestRun(ctx, {
            origins: options.origins
              .split(",")
              .map((o) => o.trim())
              .filter(Boolean),
            maxHorizon: options.horizon,
            options: modelOptions(options),
            onProgress: progressLine("backtest"),
          });
          process.stderr.write(`backtest run ${started.run.id}\n`);
          const run = presentBacktestRun(await started.completion);
          if (global.json) {
            process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
            return;
          }
          if (run.report) printBacktest(run.report);
          if (run.timings) {
            const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0).toFixed(1);
            process.stdout.write(
              `\nTime: model ${sum(run.timings.modelSeconds)} s, baselines ${sum(run.timings.baselineSeconds)} s over ${run.origins.length} origin${run.origins.length === 1 ? "" : "s"}.\n`,
            );
          }
        });
      }),
    { maxHorizon: "horizon", "options.rounds": "rounds" },
  );
};
